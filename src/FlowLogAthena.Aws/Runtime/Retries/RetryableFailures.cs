using System.Net.Sockets;

namespace FlowLogAthena.Aws.Runtime.Retries;

/// <summary>Why an attempt may be retried; <see cref="None"/> means it may not.</summary>
public enum RetryableFailure
{
    None,

    /// <summary>An error code the SDKs treat as "slow down".</summary>
    Throttling,

    /// <summary>A 500/502/503/504 or a transient error code (RequestTimeout, PriorRequestNotComplete).</summary>
    Transient,

    /// <summary>No answer: connection refused or reset, DNS, TLS, a response cut short.</summary>
    Network,

    /// <summary>The attempt outlived its per-attempt timeout.</summary>
    Timeout,
}

/// <summary>The standard mode's retryable set (botocore <c>retries/standard.py</c>): one place for every client.</summary>
public static class RetryableFailures
{
    /// <summary>Error codes AWS services use for "slow down" (JSON, query and REST protocols alike).</summary>
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    };

    private static readonly HashSet<int> TransientStatusCodes = [500, 502, 503, 504];

    public static bool IsThrottling(string? errorCode) => errorCode is not null && ThrottlingCodes.Contains(errorCode);

    /// <summary>How an answer with <paramref name="statusCode"/> and <paramref name="errorCode"/> may be retried.</summary>
    public static RetryableFailure Classify(int statusCode, string? errorCode) =>
        IsThrottling(errorCode) || statusCode == 429 ? RetryableFailure.Throttling
        : TransientStatusCodes.Contains(statusCode) || (errorCode is not null && TransientCodes.Contains(errorCode)) ? RetryableFailure.Transient
        : RetryableFailure.None;

    /// <summary>True for an answer the standard mode retries.</summary>
    public static bool IsRetryable(int statusCode, string? errorCode) => Classify(statusCode, errorCode) != RetryableFailure.None;

    /// <summary>A short, secret-free name for a failure without an answer: "connection refused", "DNS lookup failed", …</summary>
    public static string Describe(Exception failure)
    {
        for (var e = (Exception?)failure; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.ConnectionReset => "connection reset",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "DNS lookup failed",
                    SocketError.TimedOut => "connection timed out",
                    _ => "network error " + socket.SocketErrorCode,
                };
            }
        }
        return failure is HttpRequestException { HttpRequestError: var kind } && kind != HttpRequestError.Unknown
            ? kind switch
            {
                HttpRequestError.NameResolutionError => "DNS lookup failed",
                HttpRequestError.ConnectionError => "connection failed",
                HttpRequestError.ResponseEnded => "connection closed before the response ended",
                HttpRequestError.SecureConnectionError => "TLS handshake failed",
                HttpRequestError.InvalidResponse => "invalid HTTP response",
                _ => kind.ToString(),
            }
            : failure is IOException ? "connection lost while reading the response" : "network error";
    }
}
