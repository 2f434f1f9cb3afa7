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

    /// <summary>The address ranges table as each engine names it: the local engine's table, the Glue table beside the flow logs.</summary>
    public static ReferenceTables WithIpRanges(SqlDialect dialect) =>
        new() { AwsIpRanges = dialect == SqlDialect.Athena ? "\"flowlogs\".\"aws_ip_ranges\"" : "\"aws_ip_ranges\"" };

    /// <summary>A request on the v5 test format; a query that requires AWS's address ranges gets them.</summary>
    public static RenderRequest Request(SqlDialect dialect, IReadOnlyDictionary<string, string>? parameters = null,
        Partitioning partitioning = Partitioning.Daily, TimeWindow? window = null, FlowLogFormat? format = null, bool ipRanges = true) => new()
        {
            References = ipRanges ? WithIpRanges(dialect) : ReferenceTables.None,
            Dialect = dialect,
            TableReference = "\"flowlogs\".\"vpc_flow_logs\"",
            Window = window ?? OneDay,
            Format = format ?? FormatWithV5,
            Partitioning = partitioning,
            Parameters = parameters ?? new Dictionary<string, string>(),
        };
}
