namespace FlowLogAthena.Aws.Athena;

/// <summary>
/// Where and how the Athena engine runs queries: the Glue table, the workgroup, where results go and
/// how they are encrypted, and how long to wait. Validate with <see cref="Validate"/> (the engine does).
/// </summary>
public sealed record AthenaEngineOptions
{
    public required string Database { get; init; }

    public required string Table { get; init; }

    /// <summary>Data catalog; null for the account's AwsDataCatalog.</summary>
    public string? Catalog { get; init; }

    /// <summary>Workgroup; null for <c>primary</c>. Its enforced settings win over the ones below.</summary>
    public string? WorkGroup { get; init; }

    /// <summary><c>s3://bucket/prefix/</c> for result objects; null to use the workgroup's.</summary>
    public string? OutputLocation { get; init; }

    /// <summary>Result encryption: <see cref="EncryptionOptions.SseS3"/>, <see cref="EncryptionOptions.SseKms"/> or <see cref="EncryptionOptions.CseKms"/>; null for none (or the workgroup's).</summary>
    public string? EncryptionOption { get; init; }

    /// <summary>KMS key ARN or id, required with SSE_KMS and CSE_KMS.</summary>
    public string? KmsKey { get; init; }

    /// <summary>Account id that must own the output bucket; also sent with the result GET.</summary>
    public string? ExpectedBucketOwner { get; init; }

    /// <summary>Longest time from start to a final state; on expiry the query is stopped. Null waits for ever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>First wait between GetQueryExecution polls; doubles (with jitter) up to <see cref="PollMaxDelay"/>.</summary>
    public TimeSpan PollInitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PollMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After StopQueryExecution, how long to wait for Athena to report a final state.</summary>
    public TimeSpan StopWaitLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Read column types with one <c>GetQueryResults(MaxResults=1)</c> call (first page's metadata) when
    /// results stream from S3; false types every column varchar and saves that call.
    /// </summary>
    public bool ReadColumnTypes { get; init; } = true;

    /// <summary>Page size of the GetQueryResults fallback (Athena's maximum is 1,000).</summary>
    public int ResultPageSize { get; init; } = 1000;

    /// <summary>The address ranges table beside the flow log table (quoted), when <c>ranges publish</c> made one; null offers none.</summary>
    public string? IpRangesTable { get; init; }

    /// <summary>The interface inventory table beside the flow log table (quoted), when <c>inventory sync</c> made one; null offers none.</summary>
    public string? InventoryTable { get; init; }

    /// <summary><c>"database"."table"</c>, quoted for Athena.</summary>
    public string TableReference => $"{Quote(Database)}.{Quote(Table)}";

    public void Validate()
    {
        Require(Database, "database");
        Require(Table, "table");
        if (OutputLocation is { } location && !location.StartsWith("s3://", StringComparison.Ordinal))
            throw new ArgumentException($"The output location must be an s3:// URL, not '{location}'.", nameof(OutputLocation));
        if (EncryptionOption is { } option)
        {
            if (option is not (EncryptionOptions.SseS3 or EncryptionOptions.SseKms or EncryptionOptions.CseKms))
                throw new ArgumentException($"Result encryption must be SSE_S3, SSE_KMS or CSE_KMS, not '{option}'.", nameof(EncryptionOption));
            if (option != EncryptionOptions.SseS3 && string.IsNullOrWhiteSpace(KmsKey))
                throw new ArgumentException($"Result encryption {option} needs a KMS key.", nameof(KmsKey));
        }
        if (ExpectedBucketOwner is { } owner && (owner.Length != 12 || !owner.All(char.IsAsciiDigit)))
            throw new ArgumentException($"The expected bucket owner must be a 12-digit account id, not '{owner}'.", nameof(ExpectedBucketOwner));
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
            throw new ArgumentException("The timeout must be positive.", nameof(Timeout));
        if (PollInitialDelay <= TimeSpan.Zero || PollMaxDelay < PollInitialDelay)
            throw new ArgumentException("Poll delays must be positive, the maximum at least the initial one.", nameof(PollMaxDelay));
        if (ResultPageSize is < 1 or > 1000)
            throw new ArgumentException("The result page size must be between 1 and 1,000.", nameof(ResultPageSize));
    }

    private static void Require(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl))
            throw new ArgumentException($"The Athena {what} name '{name}' is empty or holds control characters.", what);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
