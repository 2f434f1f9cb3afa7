namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// Which failures are retried and how long to wait: throttling answers and 5xx only, with capped
/// full-jitter exponential backoff (a random wait between zero and <c>min(MaxDelay, BaseDelay·2^retry)</c>),
/// so many clients that were throttled together do not come back together.
/// </summary>
public sealed record AwsRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly AwsRetryPolicy Default = new(6, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    /// <summary>Error codes AWS services use for "slow down" (JSON, query and REST protocols alike).</summary>
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    };

    public static bool IsThrottling(string? errorCode) => errorCode is not null && ThrottlingCodes.Contains(errorCode);

    /// <summary>True for a throttling answer (by code or HTTP 429) or a server-side failure (5xx).</summary>
    public static bool IsRetryable(int statusCode, string? errorCode) =>
        statusCode == 429 || statusCode >= 500 || IsThrottling(errorCode);

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry, Random random)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
