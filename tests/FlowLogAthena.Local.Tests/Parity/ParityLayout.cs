namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// One delivery layout the parity is proven on: the data spans more than the query window, so the Athena
/// partition predicate has to prune exactly the partitions the local engine lists.
/// </summary>
/// <param name="Data">The generated records' span (every partition lands in the Glue-shaped table).</param>
/// <param name="Query">The window both renderings query.</param>
/// <param name="Twin">The Athena rendering reads the text's Parquet twin (as <c>compact</c> makes it) instead of the text table.</param>
/// <param name="Kind">The kind of flow log generated: every VPC field, or every Transit Gateway field.</param>
public sealed record ParityLayout(string Name, SourceLayout Layout, TimeWindow Data, TimeWindow Query, long Records, int Seed, bool Twin = false,
    FlowLogKind Kind = FlowLogKind.Vpc)
{
    /// <summary>The widest format of the layout's kind, so every query of that kind is served.</summary>
    public FlowLogFormat Format => FlowLogFormat.AllFieldsOf(Kind);

    public static IReadOnlyList<ParityLayout> All { get; } =
    [
        // Daily default folders ('2026/11/02'), a window of whole days inside a wider span.
        new("default daily", new SourceLayout(PrefixStyle.Default, Partitioning.Daily),
            TimeWindow.Parse("2026-11-01", "2026-11-05"), TimeWindow.Parse("2026-11-02", "2026-11-04"), 30_000, 41),
        // Hive hourly folders ('year=2026/month=11/day=02', 'hour=05'); the window starts and ends inside an hour
        // on different days, the predicate's hardest branch.
        new("hive hourly", new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly),
            TimeWindow.Parse("2026-11-02", "2026-11-04"), TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z"), 30_000, 42),
        // Default hourly folders, a window of a few hours within one day (a single day value and an hour range).
        new("default hourly one day", new SourceLayout(PrefixStyle.Default, Partitioning.Hourly),
            TimeWindow.Parse("2026-11-02", "2026-11-03"), TimeWindow.Parse("2026-11-02T03:00:00Z", "2026-11-02T09:45:00Z"), 20_000, 43),
        // The hive hourly text against its Parquet twin (default hourly folders): the Athena rendering on the twin's
        // table must answer as the DuckDB rendering does on the text, late deliveries included.
        new("hive hourly twin", new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly),
            TimeWindow.Parse("2026-11-02", "2026-11-04"), TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z"), 30_000, 44, Twin: true),
        // A Transit Gateway flow log (its 36 default fields) in daily default folders, and in hourly Hive folders read
        // through its Parquet twin: the transit pack's queries.
        new("transit gateway default daily", new SourceLayout(PrefixStyle.Default, Partitioning.Daily),
            TimeWindow.Parse("2026-11-01", "2026-11-04"), TimeWindow.Parse("2026-11-02", "2026-11-03"), 30_000, 45, Kind: FlowLogKind.TransitGateway),
        new("transit gateway hive hourly twin", new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly),
            TimeWindow.Parse("2026-11-02", "2026-11-04"), TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z"), 30_000, 46, Twin: true,
            Kind: FlowLogKind.TransitGateway),
    ];

    public static ParityLayout Named(string name) => All.Single(l => l.Name == name);

    public override string ToString() => Name;
}
