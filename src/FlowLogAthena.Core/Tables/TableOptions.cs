namespace FlowLogAthena.Core.Tables;

/// <summary>What <see cref="TableDefinition.For"/> needs beside the source: names and how partitions are found.</summary>
public sealed record TableOptions
{
    public const string DefaultDatabase = "flowlogs";
    public const string DefaultTable = "vpc_flow_logs";

    /// <summary>Glue database: lower-case letters, digits and <c>_</c> (what Athena accepts unquoted and Glue keeps as given).</summary>
    public string Database { get; init; } = DefaultDatabase;

    /// <summary>Glue table name, same rules as <see cref="Database"/>.</summary>
    public string Table { get; init; } = DefaultTable;

    public PartitionMode Partitions { get; init; } = PartitionMode.Projection;

    /// <summary>First day of the projected date range (projection only; the range ends at NOW).</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>
    /// The account ids the projection enumerates (projection only), e.g. the account folders the caller found
    /// under <c>AWSLogs/</c>. Order and repeats do not matter: the property lists them sorted and distinct.
    /// </summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>The regions the projection enumerates (projection only), e.g. the region folders found in S3.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
