namespace FlowLogAthena.Aws.Athena;

// One request and one response record per operation, named after the model's Input/Output shapes.

public sealed record StartQueryExecutionRequest
{
    public required string QueryString { get; init; }
    /// <summary>Idempotency token (32–128 characters): a retried start returns the same execution.</summary>
    public string? ClientRequestToken { get; init; }
    public QueryExecutionContext? QueryExecutionContext { get; init; }
    public ResultConfiguration? ResultConfiguration { get; init; }
    public string? WorkGroup { get; init; }
    /// <summary>Values for the query's <c>?</c> placeholders, in order.</summary>
    public IReadOnlyList<string>? ExecutionParameters { get; init; }
    public ResultReuseConfiguration? ResultReuseConfiguration { get; init; }
}

public sealed record StartQueryExecutionResponse
{
    public string? QueryExecutionId { get; init; }
}

public sealed record GetQueryExecutionRequest
{
    public required string QueryExecutionId { get; init; }
}

public sealed record GetQueryExecutionResponse
{
    public QueryExecution? QueryExecution { get; init; }
}

public sealed record GetQueryResultsRequest
{
    public required string QueryExecutionId { get; init; }
    public string? NextToken { get; init; }
    /// <summary>At most 1,000.</summary>
    public int? MaxResults { get; init; }
}

public sealed record GetQueryResultsResponse
{
    public long? UpdateCount { get; init; }
    public ResultSet? ResultSet { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ResultSet
{
    public IReadOnlyList<Row>? Rows { get; init; }
    public ResultSetMetadata? ResultSetMetadata { get; init; }
}

public sealed record Row
{
    public IReadOnlyList<Datum>? Data { get; init; }
}

public sealed record Datum
{
    /// <summary>Absent for SQL NULL.</summary>
    public string? VarCharValue { get; init; }
}

public sealed record ResultSetMetadata
{
    public IReadOnlyList<ColumnInfo>? ColumnInfo { get; init; }
}

public sealed record ColumnInfo
{
    public string? CatalogName { get; init; }
    public string? SchemaName { get; init; }
    public string? TableName { get; init; }
    public required string Name { get; init; }
    public string? Label { get; init; }
    /// <summary>Athena's type name: varchar, bigint, double, boolean, date, timestamp, decimal, array, …</summary>
    public required string Type { get; init; }
    public int? Precision { get; init; }
    public int? Scale { get; init; }
    public string? Nullable { get; init; }
    public bool? CaseSensitive { get; init; }
}

public sealed record StopQueryExecutionRequest
{
    public required string QueryExecutionId { get; init; }
}

public sealed record StopQueryExecutionResponse;

public sealed record GetWorkGroupRequest
{
    public required string WorkGroup { get; init; }
}

public sealed record GetWorkGroupResponse
{
    public WorkGroup? WorkGroup { get; init; }
}

public sealed record WorkGroup
{
    public required string Name { get; init; }
    /// <summary>ENABLED or DISABLED.</summary>
    public string? State { get; init; }
    public WorkGroupConfiguration? Configuration { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
}

public sealed record WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; init; }
    public ManagedQueryResultsConfiguration? ManagedQueryResultsConfiguration { get; init; }
    public bool? EnforceWorkGroupConfiguration { get; init; }
    public bool? PublishCloudWatchMetricsEnabled { get; init; }
    public long? BytesScannedCutoffPerQuery { get; init; }
    public bool? RequesterPaysEnabled { get; init; }
    public EngineVersion? EngineVersion { get; init; }
}

public sealed record ManagedQueryResultsConfiguration
{
    /// <summary>When true, results live in Athena-managed storage, not in an S3 output location.</summary>
    public required bool Enabled { get; init; }
}
