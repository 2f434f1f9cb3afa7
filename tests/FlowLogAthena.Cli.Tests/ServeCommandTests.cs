using System.Text;
using System.Text.Json;
using FlowLogAthena.Cli.Console;

namespace FlowLogAthena.Cli.Tests;

/// <summary><c>serve</c>: bad settings are exit 2; a real run goes through the worker, the real job executor and DuckDB.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly SmallLogs _logs = new();

    private string Jobs => Path.Combine(_logs.Root, "jobs");

    private string State => Path.Combine(_logs.Root, "state");

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Help_names_the_options_the_systemd_unit_and_docs_use()
    {
        var run = await CliRun.Of("serve", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var option in new[] { "--jobs", "--state", "--queries", "--catch-up-horizon", "--threads", "--cache" })
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_jobs_folder_is_bad_input_naming_it()
    {
        var missing = Path.Combine(_logs.Root, "no-jobs");

        var run = await CliRun.Of("serve", "--jobs", missing, "--state", State);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"the jobs folder '{missing}' does not exist.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_query_packs_folder_fails_the_start_as_bad_input()
    {
        Directory.CreateDirectory(Jobs);
        var missing = Path.Combine(_logs.Root, "no-queries");

        var run = await CliRun.Of("serve", "--jobs", Jobs, "--state", State, "--queries", missing);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"The query folder '{missing}' does not exist.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1d")]
    public async Task A_bad_catch_up_horizon_is_bad_input(string horizon)
    {
        Directory.CreateDirectory(Jobs);

        var run = await CliRun.Of("serve", "--jobs", Jobs, "--catch-up-horizon", horizon);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--catch-up-horizon '{horizon}' is not a duration", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_runs_a_scheduled_job_with_the_real_executor_records_it_and_stops_on_cancel()
    {
        Directory.CreateDirectory(Jobs);
        var output = Path.Combine(_logs.OutFolder, "{job}", "{query}.csv");
        File.WriteAllText(Path.Combine(Jobs, "every-second.yaml"), $"""
            name: every-second
            source:
              path: {_logs.Root}
            queries: [top-talkers]
            window:
              from: 2026-11-02
              to: 2026-11-03
            outputs:
              - {output}
            schedule: "* * * * * *"
            """);
        File.WriteAllText(Path.Combine(Jobs, "broken.yaml"), "name: broken\n");
        using var stop = new CancellationTokenSource();
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        // Real time here: the job is due every second. Waiting for its first record is a hang guard, not a timing check.
        var serving = CliApp.RunAsync(["serve", "--jobs", Jobs, "--state", State, "--threads", "1"], new Terminal(stdout, stderr, interactive: false), stop.Token);
        var history = Path.Combine(State, "history", "every-second.jsonl");
        var guard = DateTime.UtcNow.AddMinutes(2);
        while (!serving.IsCompleted && FirstLine(history) is null && DateTime.UtcNow < guard) await Task.Delay(50);
        stop.Cancel();
        var code = await serving;

        Assert.True(code == 0, $"exit {code}\n{Encoding.UTF8.GetString(stdout.ToArray())}\n{stderr}");
        using var record = JsonDocument.Parse(FirstLine(history) ?? throw new InvalidOperationException($"no run recorded in {history}"));
        Assert.Equal("succeeded", record.RootElement.GetProperty("state").GetString());
        var manifest = record.RootElement.GetProperty("manifest").GetString()!;
        Assert.True(File.Exists(manifest), $"manifest {manifest} is not on disk");
        Assert.StartsWith("srcaddr,dstaddr", File.ReadAllText(Path.Combine(_logs.OutFolder, "every-second", "top-talkers.csv")), StringComparison.Ordinal);
    }

    private static string? FirstLine(string path)
    {
        try
        {
            var text = File.Exists(path) ? File.ReadAllText(path) : "";
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline > 0 ? text[..newline] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
