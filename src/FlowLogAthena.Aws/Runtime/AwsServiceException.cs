using FlowLogAthena.Aws.Runtime.Retries;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>What an AWS service answered when a call failed, and after how many attempts.</summary>
public sealed record AwsErrorAnswer(
    string Code,
    string Message,
    int StatusCode,
    string? RequestId,
    IReadOnlyList<KeyValuePair<string, string>> Details,
    int Attempts = 1);

/// <summary>
/// An AWS service answered with an error: its error code (the JSON <c>__type</c> without namespace), the detail
/// members that refine it (Athena's <c>AthenaErrorCode</c>, a throttling <c>Reason</c>), message, HTTP status,
/// request id and how many attempts were made. Messages never hold credentials or signatures.
/// </summary>
public class AwsServiceException(string service, string operation, AwsErrorAnswer answer)
    : FlowLogAthenaException(Describe(service, operation, answer))
{
    public string Service { get; } = service;

    public string Operation { get; } = operation;

    public string ErrorCode => answer.Code;

    public string ErrorMessage => answer.Message;

    public int StatusCode => answer.StatusCode;

    public string? RequestId => answer.RequestId;

    public int Attempts => answer.Attempts;

    /// <summary>A detail member of the error, e.g. <c>AthenaErrorCode</c> or <c>Reason</c>; null when absent.</summary>
    public string? Detail(string name) => answer.Details.FirstOrDefault(d => d.Key == name).Value;

    /// <summary>The thing asked for does not exist (Glue <c>EntityNotFoundException</c>, <c>ResourceNotFoundException</c>, …).</summary>
    public bool IsNotFound => AwsErrorCodes.IsNotFound(ErrorCode);

    /// <summary>The thing to create exists already (Glue <c>AlreadyExistsException</c>).</summary>
    public bool IsAlreadyExists => AwsErrorCodes.IsAlreadyExists(ErrorCode);

    public bool IsThrottling => RetryableFailures.Classify(StatusCode, ErrorCode) == RetryableFailure.Throttling;

    /// <summary>A request the service rejected as invalid is still a system failure here: our requests are built, not typed.</summary>
    public override bool IsBadInput => false;

    private static string Describe(string service, string operation, AwsErrorAnswer answer)
    {
        var details = answer.Details.Count == 0 ? "" : $" ({string.Join(", ", answer.Details.Select(d => $"{d.Key} {d.Value}"))})";
        var tries = answer.Attempts > 1 ? $", {answer.Attempts} attempts" : "";
        var message = answer.Message.Length > 0 ? answer.Message : "(no message)";
        return $"{service} {operation} failed with {answer.Code}{details}: {message} (HTTP {answer.StatusCode}{tries}{(answer.RequestId is null ? "" : $", request id {answer.RequestId}")})";
    }
}

/// <summary>A Glue/Athena entity that was asked for does not exist.</summary>
public sealed class AwsNotFoundException(string service, string operation, AwsErrorAnswer answer) : AwsServiceException(service, operation, answer);

/// <summary>A Glue/Athena entity to create exists already.</summary>
public sealed class AwsAlreadyExistsException(string service, string operation, AwsErrorAnswer answer) : AwsServiceException(service, operation, answer);

/// <summary>Region, profile, endpoint, retry settings or credentials cannot be resolved.</summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => true;
}
