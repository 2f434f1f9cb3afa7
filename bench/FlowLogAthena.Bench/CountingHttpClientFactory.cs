using System.Collections.Concurrent;
using Amazon.Runtime;

namespace FlowLogAthena.Bench;

/// <summary>Gives an S3 client HTTP clients that count its requests by method, retries included.</summary>
internal sealed class CountingHttpClientFactory : HttpClientFactory
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    /// <summary>Requests sent so far, by HTTP method.</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new CountingHandler(_requests) { InnerHandler = new SocketsHttpHandler() });

    private sealed class CountingHandler(ConcurrentDictionary<string, int> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.AddOrUpdate(request.Method.Method, 1, (_, count) => count + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
