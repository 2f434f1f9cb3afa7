using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// The AWS JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c> and
/// <c>Content-Type: application/x-amz-json-1.1</c>, SigV4-signed per attempt; throttling and 5xx retried
/// with capped full-jitter backoff; errors surfaced as <see cref="AwsServiceException"/>s.
/// </summary>
public sealed class AwsJsonClient
{
    public const string ContentType = "application/x-amz-json-1.1";

    private readonly AwsService _service;
    private readonly Uri _endpoint;
    private readonly AwsConnection _connection;

    public AwsJsonClient(AwsService service, Uri endpoint, AwsConnection connection)
    {
        if (service.TargetPrefix is null)
            throw new ArgumentException($"{service} is not a JSON 1.1 service.", nameof(service));
        _service = service;
        _endpoint = endpoint;
        _connection = connection;
    }

    public Uri Endpoint => _endpoint;

    public async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Content-Type"] = ContentType,
            ["X-Amz-Target"] = $"{_service.TargetPrefix}.{operation}",
        };

        for (var attempt = 1; ; attempt++)
        {
            var credentials = await _connection.Credentials().ConfigureAwait(false);
            var immutable = await credentials.GetCredentialsAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var (status, responseHeaders, responseBody) = await PostAsync(operation, attempt, headers, body, credentials, immutable, cancellationToken).ConfigureAwait(false);

            if (status is >= 200 and < 300)
            {
                Trace(operation, attempt, status, null, null, null, clock.Elapsed, null);
                return Deserialize<TResponse>(operation, responseBody);
            }

            var error = AwsErrorResponse.Parse(status, responseHeaders, responseBody);
            var message = SecretRedactor.Redact(error.Message, immutable);
            TimeSpan? delay = AwsRetryPolicy.IsRetryable(status, error.Code) && attempt < _connection.Retry.MaxAttempts
                ? _connection.Retry.DelayBefore(attempt - 1, _connection.Jitter)
                : null;
            Trace(operation, attempt, status, error.Code, message, error.RequestId, clock.Elapsed, delay);
            if (delay is not { } wait)
                throw AwsErrorCodes.Create(_service.SigningName, operation, error.Code, message, status, error.RequestId);
            await Task.Delay(wait, _connection.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(int Status, HttpResponseHeaders Headers, string Body)> PostAsync(
        string operation,
        int attempt,
        Dictionary<string, string> headers,
        byte[] body,
        AWSCredentials credentials,
        ImmutableCredentials immutable,
        CancellationToken cancellationToken)
    {
        var signed = await AwsRequestSigner.SignAsync(
            _endpoint, headers, body, credentials, _connection.Region, _service.SigningName, _connection.SignedAt, cancellationToken).ConfigureAwait(false);

        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", headers["X-Amz-Target"]);
        foreach (var (name, value) in signed)
            message.Headers.TryAddWithoutValidation(name, value);

        try
        {
            using var response = await _connection.Http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, response.Headers, text);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = SecretRedactor.Redact(e.Message, immutable);
            Trace(operation, attempt, null, e.GetType().Name, reason, null, TimeSpan.Zero, null);
            throw new AwsClientException($"{_service} {operation} did not get an answer from {_endpoint.GetLeftPart(UriPartial.Authority)}: {reason}", e);
        }
    }

    private TResponse Deserialize<TResponse>(string operation, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<TResponse>(body.Length == 0 ? "{}" : body, AwsJson.Options)
                ?? throw new JsonException("The response was JSON null.");
        }
        catch (JsonException e)
        {
            throw new AwsClientException($"{_service} {operation} answered with a response that does not match its model: {e.Message}", e);
        }
    }

    private void Trace(string operation, int attempt, int? status, string? code, string? message, string? requestId, TimeSpan duration, TimeSpan? delay) =>
        _connection.Trace?.Invoke(new AwsCallRecord(_service.SigningName, operation, attempt, status, code, message, requestId, duration, delay));
}
