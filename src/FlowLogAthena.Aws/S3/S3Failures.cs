using Amazon.Runtime;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.Runtime.Retries;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// The one way S3 failures become product errors. An answer from S3 (AccessDenied, NoSuchBucket, a wrong bucket
/// owner) is about what the user named, so it becomes the caller's error type; no answer after the SDK's retries
/// (refused, reset, DNS, a per-attempt timeout) is an <see cref="AwsClientException"/>, a system failure.
/// </summary>
internal static class S3Failures
{
    /// <summary>True for what an S3 call throws when it fails, as opposed to the caller cancelling.</summary>
    public static bool Is(Exception e, CancellationToken cancellationToken) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The error for <paramref name="e"/> during <paramref name="what"/> ("Cannot list s3://b/p").</summary>
    public static FlowLogAthenaException Translate(Exception e, string what, Func<string, Exception, FlowLogAthenaException> answered) =>
        e is AmazonServiceException { StatusCode: var status } service && (int)status is > 0 and < 500 && service.ErrorCode is not null
            ? answered($"{what}: {service.ErrorCode}: {service.Message}", e)
            : new AwsClientException($"{what}: {Describe(e)}", e);

    private static string Describe(Exception e) => e switch
    {
        AmazonServiceException { ErrorCode: { } code } service => $"{code}: {service.Message} (HTTP {(int)service.StatusCode}, after the SDK's retries)",
        OperationCanceledException => "no answer within the per-attempt timeout (after the SDK's retries)",
        _ when Innermost(e) is HttpRequestException or System.Net.Sockets.SocketException or IOException =>
            RetryableFailures.Describe(Innermost(e)) + " (after the SDK's retries)",
        _ => e.Message,
    };

    private static Exception Innermost(Exception e)
    {
        // The SDK wraps network failures (AmazonServiceException → HttpRequestException → SocketException).
        for (var current = e; ; current = current.InnerException!)
        {
            if (current is HttpRequestException || current.InnerException is null) return current;
        }
    }
}
