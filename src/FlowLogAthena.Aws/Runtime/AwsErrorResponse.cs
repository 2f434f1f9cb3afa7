using System.Net.Http.Headers;
using System.Text.Json;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>The error code, message and request id of a failed JSON 1.1 call, from its body and headers.</summary>
internal sealed record AwsErrorResponse(int StatusCode, string Code, string Message, string? RequestId)
{
    public static AwsErrorResponse Parse(int statusCode, HttpResponseHeaders headers, string body)
    {
        string? code = null;
        var message = "";
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
        return new AwsErrorResponse(statusCode, code, message, requestId);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
