namespace FlowLogAthena.Aws.Runtime.Retries;

/// <summary>The AWS SDKs' retry modes (<c>AWS_RETRY_MODE</c>, the config file's <c>retry_mode</c>).</summary>
public enum RetryMode
{
    /// <summary>3 attempts, full-jitter backoff (base 1 s, cap 20 s), a retry quota that makes a storm fail fast.</summary>
    Standard,

    /// <summary>5 attempts, unbounded jittered doubling, no quota: what SDKs did before "standard".</summary>
    Legacy,

    /// <summary>
    /// Standard plus a client-side rate limiter in the SDKs. Here it retries exactly as standard: the rate limiter
    /// only matters to long-lived clients making many calls a second, which one run is not.
    /// </summary>
    Adaptive,
}
