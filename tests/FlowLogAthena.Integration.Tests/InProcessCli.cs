using System.Text;
using FlowLogAthena.Cli;
using FlowLogAthena.Cli.Console;

// The CLI reads AWS settings from the process environment, which the moto fixture sets: run collections
// one at a time so the live suite never sees moto's endpoint.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace FlowLogAthena.Integration.Tests;

/// <summary>Runs flowlog-athena in this process, capturing stdout, stderr and the exit code.</summary>
public static class InProcessCli
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new Terminal(stdout, stderr, interactive: false), CancellationToken.None);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
