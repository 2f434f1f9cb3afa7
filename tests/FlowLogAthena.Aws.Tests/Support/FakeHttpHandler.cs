using System.Net;
using System.Text;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>Answers requests from a function and records what was sent (headers and body), for unit tests without a server.</summary>
public sealed class FakeHttpHandler(Func<HttpRequestMessage, string, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((request, body));
        return answer(request, body, Requests.Count);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string? requestId = "req-1")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };
        if (requestId is not null) response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        return response;
    }
}

/// <summary>
/// In front of a real server: answers the first <paramref name="failures"/> calls of one operation with a
/// fault (throttling, 5xx) and passes everything else through.
/// </summary>
public sealed class FaultInjectingHandler(string target, int failures, Func<HttpResponseMessage> fault) : DelegatingHandler(new HttpClientHandler())
{
    private int _seen;
    private int _injected;

    public int Injected => _injected;

    public int Passed { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isTarget = request.Headers.TryGetValues("X-Amz-Target", out var values) && values.Single() == target;
        if (isTarget && Interlocked.Increment(ref _seen) <= failures)
        {
            Interlocked.Increment(ref _injected);
            return fault();
        }
        if (isTarget) Passed++;
        return await base.SendAsync(request, cancellationToken);
    }
}
