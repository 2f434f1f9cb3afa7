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

    /// <summary>The address ranges and inventory tables as each engine names them: the local engine's tables, the Glue tables beside the flow logs.</summary>
    public static ReferenceTables WithReferences(SqlDialect dialect) => dialect == SqlDialect.Athena
        ? new() { AwsIpRanges = "\"flowlogs\".\"aws_ip_ranges\"", Interfaces = "\"flowlogs\".\"interface_inventory\"" }
        : new() { AwsIpRanges = "\"aws_ip_ranges\"", Interfaces = "\"interface_inventory\"" };

    /// <summary>A request on the v5 test format, with the address ranges and the inventory beside the table unless told otherwise.</summary>
    public static RenderRequest Request(SqlDialect dialect, IReadOnlyDictionary<string, string>? parameters = null,
        Partitioning partitioning = Partitioning.Daily, TimeWindow? window = null, FlowLogFormat? format = null, bool ipRanges = true) => new()
        {
            References = ipRanges ? WithReferences(dialect) : ReferenceTables.None,
            Dialect = dialect,
            TableReference = "\"flowlogs\".\"vpc_flow_logs\"",
            Window = window ?? OneDay,
            Format = format ?? FormatWithV5,
            Partitioning = partitioning,
            Parameters = parameters ?? new Dictionary<string, string>(),
        };
}
