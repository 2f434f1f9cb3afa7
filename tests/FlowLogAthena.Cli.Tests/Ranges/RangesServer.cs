using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FlowLogAthena.Cli.Tests.Ranges;

/// <summary>
/// A real HTTP server on a free loopback port standing in for ip-ranges.amazonaws.com: it answers each request with
/// the next scripted response (status, body, ETag), honours If-None-Match for a 200 whose ETag matches, and records
/// the requests' If-None-Match headers.
/// </summary>
internal sealed class RangesServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string? Body, string? ETag)> _script = new();
    private readonly Task _loop;

    public RangesServer()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/ip-ranges.json";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public List<string?> IfNoneMatch { get; } = [];

    public void Then(int status, string? body = null, string? etag = null)
    {
        lock (_script) _script.Enqueue((status, body, etag));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var asked = context.Request.Headers["If-None-Match"];
            (int Status, string? Body, string? ETag) next;
            lock (_script)
            {
                IfNoneMatch.Add(asked);
                next = _script.Count > 0 ? _script.Dequeue() : (500, "script ended", null);
            }
            var response = context.Response;
            if (next.Status == 200 && next.ETag is not null && asked == next.ETag)
            {
                response.StatusCode = 304;
                response.Close();
                continue;
            }
            response.StatusCode = next.Status;
            if (next.ETag is not null) response.Headers["ETag"] = next.ETag;
            var bytes = Encoding.UTF8.GetBytes(next.Body ?? "");
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
