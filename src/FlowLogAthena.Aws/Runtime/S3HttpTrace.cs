using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// Gives AWSSDK.S3 HTTP clients whose every attempt (retries included) is reported as an <see cref="AwsCallRecord"/>,
/// as the JSON clients report theirs, so <c>--verbose</c> shows S3 too. Records hold the operation, bucket and key,
/// status, error code and request id: never headers, query strings or bodies, so never a signature or secret.
/// </summary>
internal sealed partial class S3HttpTrace(Action<AwsCallRecord>? trace, HttpMessageHandler? inner) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new TracingHandler(trace) { InnerHandler = inner is null ? new SocketsHttpHandler() : new NonDisposingHandler(inner) };
        return new HttpClient(handler) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100) };
    }

    /// <summary>The SDK caches one client per config; that is all a run needs.</summary>
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    private sealed partial class TracingHandler(Action<AwsCallRecord>? trace) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = S3Operation.Describe(request);
            var attempt = AttemptOf(request);
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                string? code = null;
                if (!response.IsSuccessStatusCode && trace is not null)
                {
                    // Error bodies are small XML documents: buffer one to read its code, the SDK reads it again.
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    code = ErrorCode().Match(body) is { Success: true } match ? match.Groups[1].Value : $"Http{(int)response.StatusCode}";
                }
                var requestId = response.Headers.TryGetValues("x-amz-request-id", out var ids) ? ids.FirstOrDefault() : null;
                trace?.Invoke(new AwsCallRecord("s3", operation, attempt, (int)response.StatusCode, code, null, requestId, clock.Elapsed, null));
                return response;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                trace?.Invoke(new AwsCallRecord("s3", operation, attempt, null, e.GetType().Name, Retries.RetryableFailures.Describe(e), null, clock.Elapsed, null));
                throw;
            }
        }

        /// <summary>The SDKs number each attempt in <c>amz-sdk-request: attempt=N; max=M</c>.</summary>
        private static int AttemptOf(HttpRequestMessage request) =>
            request.Headers.TryGetValues("amz-sdk-request", out var values)
            && Attempt().Match(string.Join(";", values)) is { Success: true } match
            && int.TryParse(match.Groups[1].Value, out var attempt)
                ? attempt
                : 1;

        [GeneratedRegex(@"attempt=(\d+)")]
        private static partial Regex Attempt();

        [GeneratedRegex("<Code>([A-Za-z0-9.]{1,64})</Code>")]
        private static partial Regex ErrorCode();
    }

    /// <summary>Lets a test's handler sit under the SDK's client without the SDK disposing it.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _invoker = new(inner, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.SendAsync(request, cancellationToken);
    }
}
