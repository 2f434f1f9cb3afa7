namespace FlowLogAthena.Core.Queries;

/// <summary>
/// Tables an engine offers beside the flow log table, already quoted for its dialect; null where it has none. Templates
/// reach them only through helpers (<c>has_ip_ranges</c>, <c>aws_ranges_lookup</c>, <c>has_inventory</c>, <c>interfaces</c>), which refuse
/// when a table is missing.
/// </summary>
public sealed record ReferenceTables
{
    public static ReferenceTables None { get; } = new();

    /// <summary>AWS's address ranges as intervals (<see cref="IpRanges.AwsIpRangeRows"/>): the local engine's table from
    /// a ranges file, or the Glue table <c>ranges publish</c> provisioned for Athena.</summary>
    public string? AwsIpRanges { get; init; }

    /// <summary>The interface inventory (<c>inventory sync</c>'s snapshots, a <c>snapshot</c> column on every row): the local
    /// engine's table of the latest snapshot, or the Glue table <c>interface_inventory</c> beside the flow log table.</summary>
    public string? Interfaces { get; init; }
}
