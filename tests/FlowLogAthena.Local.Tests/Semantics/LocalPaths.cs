namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// Runs a catalog query each way the local engine reads logs — the text itself, and the columnar store (converted
/// by the first run over a source, read from its Parquet afterwards) — and insists both give the same columns and
/// the same rows in the same order, each value of the same type. The semantic tests compare what this returns with
/// their references, so every reference holds on the store path too.
/// </summary>
internal static class LocalPaths
{
    public static async Task<ListSink> RunAsync(QueryDefinition query, IReadOnlyDictionary<string, string> parameters, FlowLogSource source, TimeWindow window,
        Core.IpRanges.AwsAddressIndex? ipRanges = null, string? inventorySnapshot = null)
    {
        var text = await RunOnAsync(new DuckDbEngine(new DuckDbEngineOptions { IpRanges = ipRanges is null ? null : new(ipRanges), InventorySnapshot = inventorySnapshot }, new LocalLogFileLister()),
            query, parameters, source, window);
        if (source.Layout.FileFormat != LogFileFormat.Text) return text;

        var stored = await RunOnAsync(new DuckDbEngine(new DuckDbEngineOptions { StoreFolder = StoreOf(source), IpRanges = ipRanges is null ? null : new(ipRanges), InventorySnapshot = inventorySnapshot },
            new LocalLogFileLister()),
            query, parameters, source, window);
        Assert.Equal(text.Columns, stored.Columns);
        Assert.Equal(text.Rows.Count, stored.Rows.Count);
        for (var i = 0; i < text.Rows.Count; i++)
            Assert.True(text.Rows[i].Select(Typed).SequenceEqual(stored.Rows[i].Select(Typed)),
                $"{query.Id} row {i}: from the text [{string.Join(", ", text.Rows[i])}], from the store [{string.Join(", ", stored.Rows[i])}]");
        return text;
    }

    /// <summary>The store of a test's source: inside its temporary folder (beside AWSLogs/), gone with it.</summary>
    public static string StoreOf(FlowLogSource source) => Path.Combine(source.Root, ".store");

    private static (Type?, object?) Typed(object? value) => (value?.GetType(), value);

    private static async Task<ListSink> RunOnAsync(DuckDbEngine engine, QueryDefinition query, IReadOnlyDictionary<string, string> parameters, FlowLogSource source, TimeWindow window)
    {
        await using (engine)
        {
            var sink = new ListSink();
            await new QueryRunner(new BoundTable(engine, source, window, ownsEngine: false)).RunAsync(query, parameters, sink, CancellationToken.None);
            return sink;
        }
    }
}
