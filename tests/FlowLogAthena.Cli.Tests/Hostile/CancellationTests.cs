namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM end every command the same way: "cancelled", exit 130, no output at a final name and
/// no staged files left in $TMPDIR. Each case is a real child process of the built CLI, signalled while it provably
/// works: waiting on a (silent) AWS endpoint, or generating files.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flowlog-athena-cancel-").FullName;
    private readonly SilentEndpoint _aws = new();

    private string Out => Path.Combine(_root, "out");

    private string TempDir => Path.Combine(_root, "tmp");

    public void Dispose()
    {
        _aws.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    public static TheoryData<string, string> CommandsWaitingOnAws()
    {
        var data = new TheoryData<string, string>();
        foreach (var signal in new[] { "INT", "TERM" })
            foreach (var command in new[] { "run", "run --pack", "report weekly", "job run", "provision", "generate" })
                data.Add(command, signal);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandsWaitingOnAws))]
    public async Task A_signal_while_a_command_waits_on_AWS_ends_it_cancelled_with_exit_130_and_nothing_left(string command, string signal)
    {
        using var cli = CliProcess.Start(_root, Environment(), Arguments(command));
        await cli.WaitUntilAsync(() => _aws.Connected, "its first AWS call");

        await cli.SignalAsync(signal);
        var run = await cli.ExitAsync();

        AssertCancelled(run);
        AssertNoFinalOutputs();
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_while_the_demo_generates_ends_it_cancelled_with_no_results_report_or_half_written_log(string signal)
    {
        var demo = Path.Combine(Out, "demo");
        using var cli = CliProcess.Start(_root, Environment(), "demo", "--out", demo, "--records", "200000000", "--days", "7");
        await cli.WaitUntilAsync(() => Directory.Exists(Path.Combine(demo, "logs")), "it starts writing logs");

        await cli.SignalAsync(signal);
        var run = await cli.ExitAsync();

        AssertCancelled(run);
        Assert.False(Directory.Exists(Path.Combine(demo, "results")), "pack results were written");
        Assert.False(Directory.Exists(Path.Combine(demo, "report")), "a report was written");
        Assert.Empty(Directory.EnumerateFiles(demo, "*.tmp", SearchOption.AllDirectories));
        AssertNoStagingLeft();
    }

    private static void AssertCancelled(CliRun run)
    {
        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Contains("cancelled", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected", run.Stderr, StringComparison.Ordinal);
    }

    private void AssertNoFinalOutputs()
    {
        // A job leaves its manifest (it says "cancelled"); nothing else may be at a final name.
        var left = Directory.Exists(Out) ? Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)).ToList() : [];
        Assert.True(left.Count == 0, "left behind: " + string.Join(", ", left));
        AssertNoStagingLeft();
    }

    private void AssertNoStagingLeft() =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(TempDir), e => Path.GetFileName(e).StartsWith("flowlog-athena", StringComparison.Ordinal));

    private Dictionary<string, string> Environment()
    {
        Directory.CreateDirectory(TempDir);
        var environment = _aws.AwsEnvironment();
        environment["TMPDIR"] = TempDir;
        environment["HOME"] = _root; // the S3 cache (~/.cache) stays in the test's folder
        return environment;
    }

    private string[] Arguments(string command)
    {
        const string Source = "s3://logs-bucket/flows";
        string[] window = ["--from", "2026-11-02", "--to", "2026-11-03"];
        switch (command)
        {
            case "run":
                return ["run", "top-talkers", "--source", Source, .. window, "--output", "csv", "--out", Path.Combine(Out, "top.csv")];
            case "run --pack":
                return ["run", "--pack", "traffic", "--source", Source, .. window, "--out", Path.Combine(Out, "packs")];
            case "report weekly":
                return ["report", "weekly", "--source", Source, "--from", "2026-11-02", "--to", "2026-11-09", "--out", Path.Combine(Out, "report")];
            case "provision":
                return ["provision", "--source", Source, "--database", "flowdb", "--table", "flows"];
            case "generate":
                return ["generate", "--out", "s3://logs-bucket/generated", "--records", "2000"];
            default:
                var job = Path.Combine(_root, "job.yaml");
                File.WriteAllText(job, $"""
                    name: nightly
                    source:
                      path: {Source}
                    queries: [top-talkers]
                    window:
                      from: 2026-11-02
                      to: 2026-11-03
                    outputs:
                      - {Out}/{"{query}"}.csv
                    """);
                return ["job", "run", job];
        }
    }
}
