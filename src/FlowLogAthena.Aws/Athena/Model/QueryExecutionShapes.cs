namespace FlowLogAthena.Aws.Athena;

// Athena's shapes shared by several operations; member names are the service model's (2017-05-18).

public sealed record QueryExecutionContext
{
    public string? Database { get; init; }
    public string? Catalog { get; init; }
}

public sealed record ResultConfiguration
{
    /// <summary><c>s3://bucket/prefix/</c>; on an execution, the full result object (<c>…/id.csv</c>).</summary>
    public string? OutputLocation { get; init; }
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
    public string? ExpectedBucketOwner { get; init; }
    public AclConfiguration? AclConfiguration { get; init; }
}

public sealed record EncryptionConfiguration
{
    /// <summary><see cref="EncryptionOptions"/>: SSE_S3, SSE_KMS or CSE_KMS.</summary>
    public required string EncryptionOption { get; init; }
    public string? KmsKey { get; init; }
}

public static class EncryptionOptions
{
    public const string SseS3 = "SSE_S3";
    public const string SseKms = "SSE_KMS";
    public const string CseKms = "CSE_KMS";
}

public sealed record AclConfiguration
{
    /// <summary>The only value Athena accepts: BUCKET_OWNER_FULL_CONTROL.</summary>
    public required string S3AclOption { get; init; }
}

public sealed record ResultReuseConfiguration
{
    public ResultReuseByAgeConfiguration? ResultReuseByAgeConfiguration { get; init; }
}

public sealed record ResultReuseByAgeConfiguration
{
    public required bool Enabled { get; init; }
    public int? MaxAgeInMinutes { get; init; }
}

public sealed record EngineVersion
{
    public string? SelectedEngineVersion { get; init; }
    public string? EffectiveEngineVersion { get; init; }
}

public sealed record QueryExecution
{
    public string? QueryExecutionId { get; init; }
    public string? Query { get; init; }
    /// <summary>DDL, DML or UTILITY.</summary>
    public string? StatementType { get; init; }
    public string? SubstatementType { get; init; }
    public ResultConfiguration? ResultConfiguration { get; init; }
    public ResultReuseConfiguration? ResultReuseConfiguration { get; init; }
    public QueryExecutionContext? QueryExecutionContext { get; init; }
    public QueryExecutionStatus? Status { get; init; }
    public QueryExecutionStatistics? Statistics { get; init; }
    public string? WorkGroup { get; init; }
    public EngineVersion? EngineVersion { get; init; }
    public IReadOnlyList<string>? ExecutionParameters { get; init; }
}

public sealed record QueryExecutionStatus
{
    /// <summary>One of <see cref="QueryStates"/>.</summary>
    public string? State { get; init; }
    public string? StateChangeReason { get; init; }
    public DateTimeOffset? SubmissionDateTime { get; init; }
    public DateTimeOffset? CompletionDateTime { get; init; }
    public AthenaError? AthenaError { get; init; }
}

public static class QueryStates
{
    public const string Queued = "QUEUED";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    /// <summary>SUCCEEDED, FAILED and CANCELLED: the query no longer runs (or bills).</summary>
    public static bool IsFinal(string? state) => state is Succeeded or Failed or Cancelled;
}

public sealed record AthenaError
{
    /// <summary>1 system, 2 user, 3 other.</summary>
    public int? ErrorCategory { get; init; }
    public int? ErrorType { get; init; }
    public bool? Retryable { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; init; }
    public long? DataScannedInBytes { get; init; }
    public string? DataManifestLocation { get; init; }
    public long? TotalExecutionTimeInMillis { get; init; }
    public long? QueryQueueTimeInMillis { get; init; }
    public long? ServicePreProcessingTimeInMillis { get; init; }
    public long? QueryPlanningTimeInMillis { get; init; }
    public long? ServiceProcessingTimeInMillis { get; init; }
    public ResultReuseInformation? ResultReuseInformation { get; init; }
}

public sealed record ResultReuseInformation
{
    public required bool ReusedPreviousResult { get; init; }
}
