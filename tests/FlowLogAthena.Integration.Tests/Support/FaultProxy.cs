using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Integration.Tests.Support;

/// <summary>What the proxy does to one request instead of forwarding it.</summary>
public enum ProxyFault
{
    /// <summary>The connection is torn down before any answer (the client sees a reset or an ended response).</summary>
    Reset,

    /// <summary>No answer until the client gives up (its per-attempt timeout).</summary>
    Hang,

    /// <summary>HTTP 400 ThrottlingException, as Athena and Glue answer when rate limited.</summary>
    Throttle,

    /// <summary>HTTP 503 InternalServerException.</summary>
    ServerError,

    /// <summary>HTTP 200 with a body that is not the service's JSON (a proxy's page).</summary>
    Garbage,
}

/// <summary>
/// A loopback HTTP proxy in front of moto that applies faults to chosen calls: the CLI points AWS_ENDPOINT_URL at it
/// and meets the network as it is, over real sockets. <c>rule</c> gets each call's operation (the JSON
/// <c>X-Amz-Target</c>, or "S3 METHOD /path") and returns a fault, or null to forward the call to moto.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private FaultProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri Endpoint { get; private set; } = null!;

    public List<(string Operation, ProxyFault? Fault)> Calls { get; } = [];

    public static async Task<FaultProxy> StartAsync(Uri moto, Func<string, ProxyFault?> rule)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FaultProxy(app, new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = moto });
        app.Run(context => proxy.HandleAsync(context, rule));
        await app.StartAsync();
        proxy.Endpoint = new Uri(app.Urls.First() + "/");
        return proxy;
    }

    private async Task HandleAsync(HttpContext context, Func<string, ProxyFault?> rule)
    {
        var request = context.Request;
        var operation = request.Headers.TryGetValue("X-Amz-Target", out var target) ? target.ToString() : $"S3 {request.Method} {request.Path}";
        var fault = rule(operation);
        lock (Calls) Calls.Add((operation, fault));
        switch (fault)
        {
            case ProxyFault.Reset:
                context.Abort();
                return;
            case ProxyFault.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { });
                return;
            case ProxyFault.Throttle:
                await WriteAsync(context, HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
                return;
            case ProxyFault.ServerError:
                await WriteAsync(context, HttpStatusCode.ServiceUnavailable, """{"__type":"InternalServerException","message":"Internal error"}""");
                return;
            case ProxyFault.Garbage:
                await WriteAsync(context, HttpStatusCode.OK, "<html><body>gateway says hello</body></html>");
                return;
        }
        await ForwardAsync(context);
    }

    private static Task WriteAsync(HttpContext context, HttpStatusCode status, string body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        return context.Response.WriteAsync(body);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString) { Content = new ByteArrayContent(body.ToArray()) };
        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
                forward.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            context.Response.Headers[name] = values.ToArray();
        }
        await answer.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
