using System.Net;
using System.Net.Sockets;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>
/// The faults a network and AWS can throw at a call, as the HTTP stack would surface them: a refused, reset or
/// unresolvable connection (the exceptions SocketsHttpHandler raises), an attempt that never answers, throttling, a
/// 5xx, a 2xx body that is not the model, and an answer that is lost after AWS acted on the request.
/// </summary>
public enum AwsFaultKind
{
    Refused,
    Reset,
    Dns,
    Hang,
    Throttling,
    ServerError,
    Unreadable,
    AnswerLost,
}

public static class AwsFault
{
    /// <summary>Applies <paramref name="kind"/> to one request; <paramref name="forward"/> sends it to the real server.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(AwsFaultKind kind, Func<Task<HttpResponseMessage>> forward, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case AwsFaultKind.Refused: throw Socket(SocketError.ConnectionRefused, HttpRequestError.ConnectionError);
            case AwsFaultKind.Reset: throw Socket(SocketError.ConnectionReset, HttpRequestError.ResponseEnded);
            case AwsFaultKind.Dns: throw Socket(SocketError.HostNotFound, HttpRequestError.NameResolutionError);
            case AwsFaultKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new InvalidOperationException("unreachable");
            case AwsFaultKind.Throttling:
                return FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
            case AwsFaultKind.ServerError:
                return FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, """{"__type":"InternalServerException","message":"We encountered an internal error."}""");
            case AwsFaultKind.Unreadable:
                return FakeHttpHandler.Json(HttpStatusCode.OK, "<html><body>proxy error</body></html>");
            case AwsFaultKind.AnswerLost:
                (await forward()).Dispose();
                throw Socket(SocketError.ConnectionReset, HttpRequestError.ResponseEnded);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static HttpRequestException Socket(SocketError error, HttpRequestError kind) =>
        new(kind, $"{error} (127.0.0.1)", new SocketException((int)error));
}

/// <summary>
/// In front of a real server (moto): applies a fault to calls of one JSON operation — the first <c>times</c> of
/// them, or all — and passes every other request through. Counts what it injected. It also gives
/// StartQueryExecution the idempotency Athena documents and moto lacks: a repeated ClientRequestToken gets the
/// first answer back instead of a second execution.
/// </summary>
public sealed class AwsFaultHandler(string target, AwsFaultKind kind, int times = int.MaxValue) : DelegatingHandler(new HttpClientHandler())
{
    private readonly Dictionary<string, string> _startsByToken = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private int _seen;
    private int _injected;

    public int Injected => _injected;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : null;
        Func<Task<HttpResponseMessage>> forward = operation == "AmazonAthena.StartQueryExecution"
            ? () => IdempotentStartAsync(request, cancellationToken)
            : () => base.SendAsync(request, cancellationToken);
        if (operation == target && Interlocked.Increment(ref _seen) <= times)
        {
            Interlocked.Increment(ref _injected);
            return AwsFault.ApplyAsync(kind, forward, cancellationToken);
        }
        return forward();
    }

    private async Task<HttpResponseMessage> IdempotentStartAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("ClientRequestToken", out var t) ? t.GetString() : null;
        if (token is null) return await base.SendAsync(request, cancellationToken);
        // One start per token at a time, as Athena: a retry that overtakes a slow first attempt gets its answer.
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_startsByToken.TryGetValue(token, out var first))
                return FakeHttpHandler.Json(HttpStatusCode.OK, first);
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return response;
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            _startsByToken[token] = answer;
            return FakeHttpHandler.Json(HttpStatusCode.OK, answer);
        }
        finally
        {
            _startLock.Release();
        }
    }
}

/// <summary>In front of moto's S3: applies a fault to the first <c>times</c> requests with one method and path part, passing the rest.</summary>
public sealed class S3FaultHandler(HttpMethod method, string pathPart, AwsFaultKind kind, int times) : DelegatingHandler(new HttpClientHandler())
{
    private int _seen;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Headers.Contains("X-Amz-Target") || request.Method != method
        || !request.RequestUri!.AbsolutePath.Contains(pathPart, StringComparison.Ordinal) || Interlocked.Increment(ref _seen) > times
            ? base.SendAsync(request, cancellationToken)
            : AwsFault.ApplyAsync(kind, () => base.SendAsync(request, cancellationToken), cancellationToken);
}
