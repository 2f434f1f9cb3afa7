using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// An AWS service answered with an error: its error code (the JSON <c>__type</c> without namespace),
/// message, HTTP status and request id. Messages never hold credentials or signatures.
/// </summary>
public class AwsServiceException(string service, string operation, string errorCode, string errorMessage, int statusCode, string? requestId)
    : FlowLogAthenaException(Describe(service, operation, errorCode, errorMessage, statusCode, requestId))
{
    public string Service { get; } = service;

    public string Operation { get; } = operation;

    public string ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;

    public int StatusCode { get; } = statusCode;

    public string? RequestId { get; } = requestId;

    /// <summary>The thing asked for does not exist (Glue <c>EntityNotFoundException</c>, <c>ResourceNotFoundException</c>, …).</summary>
    public bool IsNotFound => AwsErrorCodes.IsNotFound(ErrorCode);

    /// <summary>The thing to create exists already (Glue <c>AlreadyExistsException</c>).</summary>
    public bool IsAlreadyExists => AwsErrorCodes.IsAlreadyExists(ErrorCode);

    public bool IsThrottling => AwsRetryPolicy.IsThrottling(ErrorCode) || StatusCode == 429;

    /// <summary>A request the service rejected as invalid is still a system failure here: our requests are built, not typed.</summary>
    public override bool IsBadInput => false;

    private static string Describe(string service, string operation, string code, string message, int status, string? requestId) =>
        $"{service} {operation} failed with {code}: {(message.Length > 0 ? message : "(no message)")} (HTTP {status}{(requestId is null ? "" : $", request id {requestId}")})";
}

/// <summary>A Glue/Athena entity that was asked for does not exist.</summary>
public sealed class AwsNotFoundException(string service, string operation, string errorCode, string errorMessage, int statusCode, string? requestId)
    : AwsServiceException(service, operation, errorCode, errorMessage, statusCode, requestId);

/// <summary>A Glue/Athena entity to create exists already.</summary>
public sealed class AwsAlreadyExistsException(string service, string operation, string errorCode, string errorMessage, int statusCode, string? requestId)
    : AwsServiceException(service, operation, errorCode, errorMessage, statusCode, requestId);

/// <summary>Region, profile, endpoint or credentials cannot be resolved.</summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => true;
}
