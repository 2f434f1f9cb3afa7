namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>The window, format and render request the query tests share (the catalog itself is RepositoryRoot.Catalog).</summary>
internal static class RepoQueries
{
    /// <summary>2026-11-02 00:00Z to 2026-11-03 00:00Z: Unix seconds 1793577600 to 1793664000.</summary>
    public static TimeWindow OneDay { get; } = TimeWindow.Parse("2026-11-02", "2026-11-03");

    /// <summary>The default v2 fields plus the v3, v5 and v8 fields the traffic and security packs need (resource ids, packet addresses, paths, reject-reason).</summary>
    public static FlowLogFormat FormatWithV5 { get; } =
        FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString
            + " ${vpc-id} ${subnet-id} ${instance-id} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path} ${reject-reason}");

    public static RenderRequest Request(SqlDialect dialect, IReadOnlyDictionary<string, string>? parameters = null,
        Partitioning partitioning = Partitioning.Daily, TimeWindow? window = null, FlowLogFormat? format = null) => new()
        {
            Dialect = dialect,
            TableReference = "\"flowlogs\".\"vpc_flow_logs\"",
            Window = window ?? OneDay,
            Format = format ?? FormatWithV5,
            Partitioning = partitioning,
            Parameters = parameters ?? new Dictionary<string, string>(),
        };
}
