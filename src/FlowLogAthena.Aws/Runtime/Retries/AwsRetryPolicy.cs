namespace FlowLogAthena.Aws.Runtime.Retries;

/// <summary>
/// How the AWS SDKs' retry modes retry (botocore <c>retries/standard.py</c>, the SDKs' "standard" spec): how many
/// attempts, how long each may take, and the wait before the next one. Standard and adaptive wait
/// <c>rand(0,1) · min(MaxDelay, BaseDelay · 2^retry)</c> (full jitter); legacy waits <c>rand(0,1) · BaseDelay · 2^retry</c>.
/// Which failures are retried is <see cref="RetryableFailures"/>; the quota is <see cref="RetryQuota"/>.
/// </summary>
public sealed record AwsRetryPolicy
{
    public const int StandardMaxAttempts = 3;
    public const int LegacyMaxAttempts = 5;

    /// <summary>The SDKs' default: standard mode, 3 attempts, 60 s per attempt.</summary>
    public static readonly AwsRetryPolicy Default = For(RetryMode.Standard);

    public RetryMode Mode { get; init; } = RetryMode.Standard;

    /// <summary>Attempts in all, the first included (<c>AWS_MAX_ATTEMPTS</c>); 1 never retries.</summary>
    public int MaxAttempts { get; init; } = StandardMaxAttempts;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts in standard and adaptive mode (20 s in the SDKs).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long one HTTP attempt may take before it is abandoned and counted as a transient failure (the SDKs'
    /// connect plus read timeouts). Separate from a run's <c>--timeout</c>, which bounds the whole query.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether failed attempts spend <see cref="RetryQuota"/> (standard and adaptive).</summary>
    public bool UsesQuota => Mode != RetryMode.Legacy;

    /// <summary>The SDKs' defaults for <paramref name="mode"/>, with <paramref name="maxAttempts"/> when given.</summary>
    public static AwsRetryPolicy For(RetryMode mode, int? maxAttempts = null) => new()
    {
        Mode = mode,
        MaxAttempts = maxAttempts ?? (mode == RetryMode.Legacy ? LegacyMaxAttempts : StandardMaxAttempts),
    };

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry, Random random)
    {
        var growth = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var ceiling = Mode == RetryMode.Legacy ? growth : Math.Min(MaxDelay.TotalMilliseconds, growth);
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
