namespace FlowLogAthena.Aws.Glue;

// Glue's catalog shapes; member names are the service model's (2017-03-31).

public sealed record Database
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? LocationUri { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public string? CatalogId { get; init; }
}

public sealed record DatabaseInput
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? LocationUri { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>A table as Glue returns it.</summary>
public sealed record Table
{
    public required string Name { get; init; }
    public string? DatabaseName { get; init; }
    public string? Description { get; init; }
    public string? Owner { get; init; }
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? UpdateTime { get; init; }
    public DateTimeOffset? LastAccessTime { get; init; }
    public int? Retention { get; init; }
    public StorageDescriptor? StorageDescriptor { get; init; }
    public IReadOnlyList<Column>? PartitionKeys { get; init; }
    public string? TableType { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
    public string? CreatedBy { get; init; }
    public string? CatalogId { get; init; }
    public string? VersionId { get; init; }
}

/// <summary>A table to create or replace.</summary>
public sealed record TableInput
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Owner { get; init; }
    public int? Retention { get; init; }
    public StorageDescriptor? StorageDescriptor { get; init; }
    public IReadOnlyList<Column>? PartitionKeys { get; init; }
    /// <summary>EXTERNAL_TABLE for tables over S3 data.</summary>
    public string? TableType { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

public sealed record StorageDescriptor
{
    public IReadOnlyList<Column>? Columns { get; init; }
    public string? Location { get; init; }
    public string? InputFormat { get; init; }
    public string? OutputFormat { get; init; }
    public bool? Compressed { get; init; }
    public int? NumberOfBuckets { get; init; }
    public SerDeInfo? SerdeInfo { get; init; }
    public IReadOnlyList<string>? BucketColumns { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
    public bool? StoredAsSubDirectories { get; init; }
}

public sealed record Column
{
    public required string Name { get; init; }
    public string? Type { get; init; }
    public string? Comment { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

public sealed record SerDeInfo
{
    public string? Name { get; init; }
    public string? SerializationLibrary { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

/// <summary>A partition as Glue returns it.</summary>
public sealed record Partition
{
    public IReadOnlyList<string>? Values { get; init; }
    public string? DatabaseName { get; init; }
    public string? TableName { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public DateTimeOffset? LastAccessTime { get; init; }
    public StorageDescriptor? StorageDescriptor { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
    public string? CatalogId { get; init; }
}

/// <summary>A partition to register: its key values in partition-key order and where its files are.</summary>
public sealed record PartitionInput
{
    public IReadOnlyList<string>? Values { get; init; }
    public StorageDescriptor? StorageDescriptor { get; init; }
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

public sealed record PartitionError
{
    public IReadOnlyList<string>? PartitionValues { get; init; }
    public ErrorDetail? ErrorDetail { get; init; }
}

public sealed record ErrorDetail
{
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
}
