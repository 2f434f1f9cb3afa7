namespace FlowLogAthena.Aws.Runtime;

/// <summary>Error-code families callers branch on, and the one factory that turns an error into its exception type.</summary>
public static class AwsErrorCodes
{
    private static readonly HashSet<string> NotFound = new(StringComparer.Ordinal)
    {
        "EntityNotFoundException", "ResourceNotFoundException", "NoSuchEntity", "NoSuchKey", "NoSuchBucket", "NotFound",
    };

    public static bool IsNotFound(string? code) => code is not null && NotFound.Contains(code);

    public static bool IsAlreadyExists(string? code) => code is "AlreadyExistsException" or "ResourceAlreadyExistsException" or "EntityAlreadyExists";

    /// <summary>
    /// The code from a JSON <c>__type</c> or <c>X-Amzn-ErrorType</c>: AWS may prefix a namespace
    /// (<c>com.amazonaws.glue#EntityNotFoundException</c>) or append a URL (<c>Code:http://…</c>).
    /// </summary>
    public static string Normalise(string raw)
    {
        var code = raw.Trim();
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        var colon = code.IndexOf(':');
        if (colon >= 0) code = code[..colon];
        return code;
    }

    internal static AwsServiceException Create(string service, string operation, AwsErrorResponse error, int attempts)
    {
        var answer = new AwsErrorAnswer(error.Code, error.Message, error.StatusCode, error.RequestId, error.Details, attempts);
        return IsNotFound(error.Code) ? new AwsNotFoundException(service, operation, answer)
            : IsAlreadyExists(error.Code) ? new AwsAlreadyExistsException(service, operation, answer)
            : new AwsServiceException(service, operation, answer);
    }
}
