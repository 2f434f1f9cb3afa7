using System.Net.Http.Headers;
using System.Text.Json;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// The error code, message, request id and detail members of a failed JSON 1.1 call, from its body and headers.
/// Details are the other string members a service adds to its error shape, e.g. Athena's <c>AthenaErrorCode</c>
/// (<c>MALFORMED_QUERY</c>) on InvalidRequestException and <c>Reason</c> (<c>CONCURRENT_QUERY_LIMIT_EXCEEDED</c>)
/// on TooManyRequestsException: they say what the code alone does not.
/// </summary>
internal sealed record AwsErrorResponse(int StatusCode, string Code, string Message, string? RequestId, IReadOnlyList<KeyValuePair<string, string>> Details)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "__type", "code", "Code", "message", "Message", "errorMessage" };

    public static AwsErrorResponse Parse(int statusCode, HttpResponseHeaders headers, string body)
    {
        string? code = null;
        var message = "";
        var details = new List<KeyValuePair<string, string>>();
        if (body.Length > 0 && body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    code = Text(root, "__type") ?? Text(root, "code") ?? Text(root, "Code");
                    message = Text(root, "message") ?? Text(root, "Message") ?? Text(root, "errorMessage") ?? "";
                    foreach (var member in root.EnumerateObject())
                    {
                        if (!Known.Contains(member.Name) && member.Value.ValueKind == JsonValueKind.String && member.Value.GetString() is { Length: > 0 and <= 200 } value)
                            details.Add(new(member.Name, value));
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all (a proxy's page, a truncated body): fall back to the status line.
            }
        }

        code ??= First(headers, "X-Amzn-ErrorType");
        code = code is { Length: > 0 } ? AwsErrorCodes.Normalise(code) : $"Http{statusCode}";
        var requestId = First(headers, "x-amzn-RequestId") ?? First(headers, "x-amz-request-id");
        return new AwsErrorResponse(statusCode, code, message, requestId, details);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
