using System.Text;
using FlowLogAthena.Cli.Console;

namespace FlowLogAthena.Cli.Tests;

/// <summary>Runs the CLI in-process, capturing stdout, stderr and the exit code.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        TestCache.Ensure();
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new Terminal(stdout, stderr, interactive: false), CancellationToken.None);
        return new CliRun(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
