using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace FlowLogAthena.Testing;

/// <summary>A command-line checker a test runs (cfn-lint, systemd-analyze): its exit code and everything it printed.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="tool"/> to the end; a tool missing from PATH fails the test with <paramref name="install"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, string install)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{tool} is not on PATH ({e.Message}); {install}");
            throw;
        }
        using (process)
        {
            using var limit = new CancellationTokenSource(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
