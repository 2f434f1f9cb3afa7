using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Reports.Tests.Browser;

/// <summary>
/// Debian's Chromium started headless with a fresh profile and a DevTools port, with the flags this machine
/// needs (no sandbox as root, no background networking on a closed network). Disposing kills it and its profile.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, Uri devTools)
    {
        _process = process;
        _profile = profile;
        DevTools = devTools;
    }

    /// <summary>The browser's DevTools WebSocket endpoint.</summary>
    public Uri DevTools { get; }

    public const string InstallHint = "Install Debian's Chromium: apt-get install -y chromium (scripts/test does this when it is missing).";

    /// <summary>The chromium executable: $CHROMIUM, else /usr/bin/chromium, else chromium on the PATH; null when none is there.</summary>
    public static string? Find()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium" };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "chromium")));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Path.Combine(Path.GetTempPath(), "flowlog-athena-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
            "--remote-debugging-port=0", "--window-size=1280,4000", "about:blank",
        })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        // Chromium prints its DevTools address on stderr once it listens.
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process.StandardError);
                return new HeadlessChromium(process, profile, new Uri(match.Groups[1].Value));
            }
        }
        throw new InvalidOperationException($"{executable} exited (code {(process.HasExited ? process.ExitCode : -1)}) without opening DevTools.");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile while it dies; the folder is under the temp root.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
