namespace FlowLogAthena.Core.Queries;

/// <summary>
/// Tables an engine offers beside the flow log table, already quoted for its dialect; null where it has none. Templates
/// reach them only through helpers (<c>has_ip_ranges</c>, <c>aws_ranges_lookup</c>), which refuse when a table is missing.
/// </summary>
public sealed record ReferenceTables
{
    public static ReferenceTables None { get; } = new();

    /// <summary>AWS's address ranges as intervals (<see cref="IpRanges.AwsIpRangeRows"/>): the local engine's table from
    /// a ranges file, or the Glue table <c>ranges publish</c> provisioned for Athena.</summary>
    public string? AwsIpRanges { get; init; }
}
