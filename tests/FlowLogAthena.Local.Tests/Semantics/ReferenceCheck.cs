namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>Runs a catalog query on the local engine with every row (the row cap at its largest) and compares it with a reference, row by row.</summary>
public static class ReferenceCheck
{
    public static async Task<List<object?[]>> RowsAsync(QueryDefinition query, FlowLogSource source, TimeWindow window, Dictionary<string, string>? given = null,
        Core.IpRanges.AwsAddressIndex? ipRanges = null)
    {
        var parameters = new Dictionary<string, string>(given ?? []) { ["limit"] = "1000000" };
        return (await LocalPaths.RunAsync(query, parameters, source, window, ipRanges)).Rows;
    }

    /// <summary>The query's rows equal <paramref name="expected"/>, which must have several rows so the order is proven too.</summary>
    public static async Task AssertEqualAsync(string what, QueryDefinition query, FlowLogSource source, TimeWindow window, List<object?[]> expected,
        Dictionary<string, string>? given = null)
    {
        Assert.True(expected.Count > 1, $"{what}: the reference should have several rows");
        AssertRows(what, await RowsAsync(query, source, window, given), expected);
    }

    public static void AssertRows(string what, IReadOnlyList<object?[]> actual, IReadOnlyList<object?[]> expected)
    {
        Assert.True(expected.Count == actual.Count,
            $"{what}: expected {expected.Count} rows, got {actual.Count}:\n{string.Join('\n', actual.Select(r => string.Join(", ", r)))}");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i].SequenceEqual(actual[i]), $"{what} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", actual[i])}]");
    }
}
