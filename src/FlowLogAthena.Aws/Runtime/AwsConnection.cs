using Amazon;
using Amazon.Runtime;
using FlowLogAthena.Aws.Runtime.Retries;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// What every JSON client shares: the HTTP stack, the region it signs for, where credentials come from,
/// the retry policy, an optional trace of each attempt, and the clock (injected so tests can control waits).
/// </summary>
public sealed record AwsConnection(
    HttpClient Http,
    RegionEndpoint Region,
    Func<Task<AWSCredentials>> Credentials,
    AwsRetryPolicy Retry,
    Action<AwsCallRecord>? Trace = null)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The standard mode's retry quota, shared by every client of one connection.</summary>
    public RetryQuota Quota { get; init; } = new();

    /// <summary>Source of retry jitter; replaceable for deterministic tests.</summary>
    public Random Jitter { get; init; } = Random.Shared;

    /// <summary>Fixes the signing time (tests comparing signatures); null signs with the current time.</summary>
    public DateTime? SignedAt { get; init; }
}

/// <summary>A call that did not get a service answer: network failure, HTTP timeout, or an unreadable response.</summary>
public sealed class AwsClientException(string message, Exception? inner = null) : Core.Errors.FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => false;
}
