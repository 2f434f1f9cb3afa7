namespace FlowLogAthena.Aws.Glue;

// One request and one response record per operation, named after the model's shapes.

public sealed record GetDatabaseRequest
{
    public string? CatalogId { get; init; }
    public required string Name { get; init; }
}

public sealed record GetDatabaseResponse
{
    public Database? Database { get; init; }
}

public sealed record CreateDatabaseRequest
{
    public string? CatalogId { get; init; }
    public required DatabaseInput DatabaseInput { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record CreateDatabaseResponse;

public sealed record GetTableRequest
{
    public string? CatalogId { get; init; }
    public required string DatabaseName { get; init; }
    public required string Name { get; init; }
}

public sealed record GetTableResponse
{
    public Table? Table { get; init; }
}

public sealed record CreateTableRequest
{
    public string? CatalogId { get; init; }
    public required string DatabaseName { get; init; }
    public required TableInput TableInput { get; init; }
}

public sealed record CreateTableResponse;

public sealed record UpdateTableRequest
{
    public string? CatalogId { get; init; }
    public required string DatabaseName { get; init; }
    public required TableInput TableInput { get; init; }
    /// <summary>True to not keep the previous version as an archive.</summary>
    public bool? SkipArchive { get; init; }
    /// <summary>The version this update replaces, for optimistic concurrency.</summary>
    public string? VersionId { get; init; }
}

public sealed record UpdateTableResponse;

public sealed record BatchCreatePartitionRequest
{
    public string? CatalogId { get; init; }
    public required string DatabaseName { get; init; }
    public required string TableName { get; init; }
    /// <summary>At most 100 per call (<see cref="GlueLimits.MaxPartitionsPerBatch"/>).</summary>
    public required IReadOnlyList<PartitionInput> PartitionInputList { get; init; }
}

public sealed record BatchCreatePartitionResponse
{
    /// <summary>The partitions that were not created, with why (e.g. AlreadyExistsException).</summary>
    public IReadOnlyList<PartitionError>? Errors { get; init; }
}

public sealed record BatchUpdatePartitionRequest
{
    public string? CatalogId { get; init; }
    public required string DatabaseName { get; init; }
    public required string TableName { get; init; }
    /// <summary>At most 100 per call (<see cref="GlueLimits.MaxPartitionsPerBatch"/>).</summary>
    public required IReadOnlyList<BatchUpdatePartitionRequestEntry> Entries { get; init; }
}

public sealed record BatchUpdatePartitionRequestEntry
{
    public required IReadOnlyList<string> PartitionValueList { get; init; }
    public required PartitionInput PartitionInput { get; init; }
}

public sealed record BatchUpdatePartitionResponse
{
    public IReadOnlyList<BatchUpdatePartitionFailureEntry>? Errors { get; init; }
}

public sealed record BatchUpdatePartitionFailureEntry
{
    public IReadOnlyList<string>? PartitionValueList { get; init; }
    public ErrorDetail? ErrorDetail { get; init; }
}

public sealed record GetPartitionsRequest
{
    public string? CatalogId { get; init; }
    public required string DatabaseName { get; init; }
    public required string TableName { get; init; }
    public string? Expression { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public bool? ExcludeColumnSchema { get; init; }
}

public sealed record GetPartitionsResponse
{
    public IReadOnlyList<Partition>? Partitions { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>Glue's documented limits the callers must batch within.</summary>
public static class GlueLimits
{
    public const int MaxPartitionsPerBatch = 100;
    public const int MaxPartitionsPerPage = 1000;
}
