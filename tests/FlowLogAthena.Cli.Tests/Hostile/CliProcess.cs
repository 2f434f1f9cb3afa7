using System.Diagnostics;
using System.Globalization;

namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// The built CLI as a real child process, to be stopped with real signals. It starts through python3 only to put
/// SIGINT back to its default: a shell's background job inherits SIGINT ignored, and .NET then keeps ignoring it.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "flowlog-athena.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // No diagnostics pipes in $TMPDIR: the tests look there for staged files left behind.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["XDG_CACHE_HOME"] = TestCache.Folder;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Sends a real signal (INT, TERM, KILL) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the exit (a hang guard, not a timing check) and returns what it printed.</summary>
    public async Task<CliRun> ExitAsync(TimeSpan? limit = null)
    {
        using var guard = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(guard.Token);
        return new CliRun(_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Stderr so far is only readable after the exit; this says whether it has exited, for a wait loop.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var guard = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (_process.HasExited) Assert.Fail($"the CLI exited before {what}: {await ExitAsync()}");
            if (DateTime.UtcNow > guard) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
