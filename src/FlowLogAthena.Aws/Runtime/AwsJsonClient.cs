using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using FlowLogAthena.Aws.Runtime.Retries;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// The AWS JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: Prefix.Operation</c> and
/// <c>Content-Type: application/x-amz-json-1.1</c>, SigV4-signed per attempt, each attempt bounded by the policy's
/// per-attempt timeout; retried as the SDKs' retry modes say (<see cref="RetryableFailures"/>,
/// <see cref="AwsRetryPolicy"/>, <see cref="RetryQuota"/>); errors surfaced as <see cref="AwsServiceException"/>s
/// (an answer) or <see cref="AwsClientException"/>s (no usable answer).
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
        var policy = _connection.Retry;
        var lastSpent = 0;

        for (var attempt = 1; ; attempt++)
        {
            var credentials = await _connection.Credentials().ConfigureAwait(false);
            var immutable = await credentials.GetCredentialsAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var outcome = await PostAsync(headers, body, credentials, immutable, cancellationToken).ConfigureAwait(false);

            RetryableFailure failure;
            Func<Exception> error;
            string? code, message, requestId = null;
            int? status = null;
            if (outcome.Failure is { } sendFailure)
            {
                failure = outcome.TimedOut ? RetryableFailure.Timeout : RetryableFailure.Network;
                code = outcome.TimedOut ? "AttemptTimeout" : sendFailure.GetType().Name;
                message = outcome.TimedOut
                    ? $"no answer within the per-attempt timeout of {policy.AttemptTimeout.TotalSeconds:0.###} s"
                    : $"{RetryableFailures.Describe(sendFailure)}: {SecretRedactor.Redact(sendFailure.Message, immutable)}";
                var text = message;
                error = () => new AwsClientException(
                    $"{_service} {operation} did not get an answer from {_endpoint.GetLeftPart(UriPartial.Authority)} after {attempt} attempt(s): {text}", sendFailure);
            }
            else
            {
                status = outcome.Status;
                if (outcome.Status is >= 200 and < 300)
                {
                    if (TryDeserialize<TResponse>(operation, outcome.Body, out var response, out var unreadable))
                    {
                        Trace(operation, attempt, outcome.Status, null, null, null, clock.Elapsed, null);
                        if (policy.UsesQuota) _connection.Quota.Release(lastSpent);
                        return response;
                    }
                    // A 2xx body that is not the model (a proxy's page, a cut-off body): the call may have taken
                    // effect, so it is not repeated (as the SDKs do); callers that started something stop it.
                    failure = RetryableFailure.None;
                    code = "UnreadableResponse";
                    message = unreadable!.Message;
                    error = () => unreadable;
                }
                else
                {
                    var parsed = AwsErrorResponse.Parse(outcome.Status, outcome.Headers!, outcome.Body);
                    failure = RetryableFailures.Classify(outcome.Status, parsed.Code);
                    code = parsed.Code;
                    requestId = parsed.RequestId;
                    message = SecretRedactor.Redact(parsed.Message, immutable);
                    var text = message;
                    error = () => AwsErrorCodes.Create(_service.SigningName, operation, parsed with { Message = text }, attempt);
                }
            }

            var delay = RetryDelay(failure, attempt, ref lastSpent);
            Trace(operation, attempt, status, code, message, requestId, clock.Elapsed, delay);
            if (delay is not { } wait)
                throw error();
            await Task.Delay(wait, _connection.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before the next attempt, or null when this failure ends the call (not retryable, attempts or quota spent).</summary>
    private TimeSpan? RetryDelay(RetryableFailure failure, int attempt, ref int lastSpent)
    {
        var policy = _connection.Retry;
        if (failure == RetryableFailure.None || attempt >= policy.MaxAttempts) return null;
        if (policy.UsesQuota)
        {
            if (!_connection.Quota.TryAcquire(failure, out var spent)) return null;
            lastSpent = spent;
        }
        return policy.DelayBefore(attempt - 1, _connection.Jitter);
    }

    private async Task<PostOutcome> PostAsync(
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

        using var attemptLimit = new CancellationTokenSource(_connection.Retry.AttemptTimeout, _connection.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptLimit.Token);
        try
        {
            using var response = await _connection.Http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return new PostOutcome((int)response.StatusCode, response.Headers, text, null, false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is HttpRequestException or IOException or OperationCanceledException)
        {
            return new PostOutcome(0, null, "", e, e is OperationCanceledException);
        }
    }

    private bool TryDeserialize<TResponse>(string operation, string body, out TResponse response, out AwsClientException? error)
    {
        try
        {
            response = JsonSerializer.Deserialize<TResponse>(body.Length == 0 ? "{}" : body, AwsJson.Options)
                ?? throw new JsonException("The response was JSON null.");
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            response = default!;
            error = new AwsClientException($"{_service} {operation} answered with a response that does not match its model: {e.Message}", e);
            return false;
        }
    }

    private void Trace(string operation, int attempt, int? status, string? code, string? message, string? requestId, TimeSpan duration, TimeSpan? delay) =>
        _connection.Trace?.Invoke(new AwsCallRecord(_service.SigningName, operation, attempt, status, code, message, requestId, duration, delay));

    /// <summary>One attempt: an HTTP answer, or the failure that left none (<see cref="TimedOut"/> for the per-attempt timeout).</summary>
    private sealed record PostOutcome(int Status, HttpResponseHeaders? Headers, string Body, Exception? Failure, bool TimedOut);
}
