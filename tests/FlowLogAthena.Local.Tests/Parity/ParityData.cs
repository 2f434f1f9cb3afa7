using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Local.Tests.Semantics;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// One layout's generated logs, seen two ways: as the local source the DuckDB engine reads (its own view over the
/// window's files) and as the Glue table the Athena rendering reads. Every field of the layout's kind of flow log
/// (54 for VPC, 36 for Transit Gateway), so every query of that kind is served.
/// </summary>
public sealed class ParityData : IAsyncDisposable
{
    /// <summary>
    /// The DuckDB side: one bound table over the query window, read from the columnar store (text layouts; converted
    /// once for every query of the layout), while the Athena side reads the text through the Glue table.
    /// </summary>
    private readonly BoundTable _table;

    /// <summary>The same with AWS's address ranges (the generator's, <see cref="IpRangesJson.ForGenerator"/>), for queries that require them.</summary>
    private readonly BoundTable _tableWithRanges;

    private static readonly AwsAddressIndex Ranges = AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(IpRangesJson.ForGenerator()), "generator ranges"));

    private string? _glueRanges;

    /// <summary>The same with an empty interface inventory snapshot, for queries that require one (both sides join no owner).</summary>
    private BoundTable? _tableWithInventory;

    private string? _glueInventory;

    private ParityData(ParityLayout layout, FlowLogSource source, FlowLogSource athenaSource, GlueTableOnDuckDb glue)
    {
        Layout = layout;
        Source = source;
        AthenaSource = athenaSource;
        _table = new BoundTable(new DuckDbEngine(new DuckDbEngineOptions { StoreFolder = LocalPaths.StoreOf(source), MaterializeWindow = true, Threads = 1 }, new LocalLogFileLister()), source, layout.Query);
        _tableWithRanges = new BoundTable(new DuckDbEngine(new DuckDbEngineOptions
        {
            StoreFolder = LocalPaths.StoreOf(source),
            MaterializeWindow = true,
            Threads = 1,
            IpRanges = new(Ranges),
        }, new LocalLogFileLister()), source, layout.Query);
        Glue = glue;
        Samples = new ParameterSamples(glue, layout.Format, layout.Query, source.Root);
    }

    public ParityLayout Layout { get; }

    public FlowLogSource Source { get; }

    /// <summary>What the Glue table is over: the text source, or its Parquet twin.</summary>
    public FlowLogSource AthenaSource { get; }

    public GlueTableOnDuckDb Glue { get; }

    public ParameterSamples Samples { get; }

    public static async Task<ParityData> CreateAsync(ParityLayout layout, string root)
    {
        var options = new GeneratorOptions
        {
            Root = root,
            Format = layout.Format,
            Layout = layout.Layout,
            Window = layout.Data,
            Records = layout.Records,
            Seed = layout.Seed,
        };
        await FlowLogGenerator.GenerateAsync(options);
        var source = new FlowLogSource(root, layout.Format, layout.Layout);
        Assert.True(await LateDelivery.WriteAsync(source, layout.Query) > 0, $"{layout}: no record starts in the window's last minutes to deliver late.");
        var athenaSource = layout.Twin ? await LocalTwin.CreateAsync(source, layout.Data, root + "-twin") : source;
        var files = await new LocalLogFileLister().ListAsync(athenaSource, layout.Data, CancellationToken.None);
        return new ParityData(layout, source, athenaSource, await GlueTableOnDuckDb.CreateAsync(athenaSource, files));
    }

    /// <summary>The DuckDB rendering, run by the DuckDB engine as <c>flowlog-athena run</c> would.</summary>
    public async Task<(RenderedQuery Rendered, ResultSet Result)> RunDuckDbAsync(QueryDefinition query, IReadOnlyDictionary<string, string> parameters)
    {
        var sink = new ListSink();
        var table = query.RequiresInventory ? await WithInventoryAsync() : query.RequiresIpRanges ? _tableWithRanges : _table;
        var outcome = await new QueryRunner(table).RunAsync(query, parameters, sink, CancellationToken.None);
        return (outcome.Rendered, new ResultSet(sink.Columns, sink.Rows));
    }

    /// <summary>
    /// The Athena rendering for this layout's Glue table: partition predicate, <c>?</c> placeholders and all; with the
    /// address ranges table beside it for a query that requires it (the others render as they would without one).
    /// </summary>
    public async Task<RenderedQuery> RenderAthenaAsync(QueryDefinition query, IReadOnlyDictionary<string, string> parameters)
    {
        ReferenceTables? references = null;
        if (query.RequiresIpRanges) references = new() { AwsIpRanges = _glueRanges ??= await Glue.AddIpRangesAsync(Ranges) };
        if (query.RequiresInventory) references = (references ?? new()) with { Interfaces = _glueInventory ??= await Glue.AddEmptyInventoryAsync() };
        return QueryRenderer.Render(query, RenderRequest.For(AthenaSource, SqlDialect.Athena, Glue.TableReference, Layout.Query, parameters, references));
    }

    /// <summary>A bound table whose engine joins an empty snapshot written beside the source (removed with it).</summary>
    private async Task<BoundTable> WithInventoryAsync()
    {
        if (_tableWithInventory is not null) return _tableWithInventory;
        var root = Path.Combine(Source.Root, ".inventory");
        await Core.Inventory.InventorySnapshot.WriteLocalAsync(root, DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), [],
            CancellationToken.None);
        return _tableWithInventory = new BoundTable(new DuckDbEngine(new DuckDbEngineOptions
        {
            StoreFolder = LocalPaths.StoreOf(Source),
            MaterializeWindow = true,
            Threads = 1,
            InventorySnapshot = Core.Inventory.InventorySnapshot.LocalSnapshots(root)[^1],
        }, new LocalLogFileLister()), Source, Layout.Query);
    }

    public async ValueTask DisposeAsync()
    {
        await _table.DisposeAsync();
        await _tableWithRanges.DisposeAsync();
        if (_tableWithInventory is not null) await _tableWithInventory.DisposeAsync();
        await Glue.DisposeAsync();
    }
}
