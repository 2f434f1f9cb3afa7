namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// One HTTP attempt of an AWS call, for verbose logs and tests: what was called and how it went.
/// Built only from non-secret facts (no headers, no bodies).
/// </summary>
public sealed record AwsCallRecord(
    string Service,
    string Operation,
    int Attempt,
    int? StatusCode,
    string? ErrorCode,
    string? ErrorMessage,
    string? RequestId,
    TimeSpan Duration,
    TimeSpan? RetryDelay)
{
    public override string ToString() =>
        $"{Service}.{Operation} attempt {Attempt}: {(StatusCode is { } s ? $"HTTP {s}" : "no response")}"
        + (ErrorCode is null ? "" : $" {ErrorCode}")
        + (ErrorMessage is { Length: > 0 } m ? $" ({m})" : "")
        + (RequestId is null ? "" : $" request id {RequestId}")
        + $" in {Duration.TotalMilliseconds:0} ms"
        + (RetryDelay is { } d ? $"; retrying in {d.TotalMilliseconds:0} ms" : "");
}
