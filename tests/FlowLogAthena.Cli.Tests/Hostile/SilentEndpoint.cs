using System.Net;
using System.Net.Sockets;

namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// A real loopback TCP endpoint that accepts connections and never answers, standing in for AWS: a command that
/// calls it is provably in the middle of its work (waiting on the network) when a test signals it.
/// </summary>
internal sealed class SilentEndpoint : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public SilentEndpoint()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public bool Connected => Volatile.Read(ref _connections) > 0;

    /// <summary>The environment that sends every AWS call of a child CLI here, with made-up keys.</summary>
    public Dictionary<string, string> AwsEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = Url.ToString(),
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held) _held.Add(client);
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
            foreach (var client in _held) client.Dispose();
        _stop.Dispose();
    }
}
