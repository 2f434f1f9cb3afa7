using System.Security.Cryptography;
using FlowLogAthena.Cli.Jobs;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Cli.Tests;

/// <summary><c>job run</c> on the local engine: real generated logs, real DuckDB, real files.</summary>
public sealed class JobRunCommandTests : IDisposable
{
    private const string At = "2026-11-03T09:00:00Z";
    private readonly TempFolder _root = new();


    public void Dispose() => _root.Dispose();

    private string Logs => _root.Combine("logs");

    private string Out => _root.Combine("out");

    private async Task GenerateAsync()
    {
        var generated = await CliRun.Of("generate", "--out", Logs, "--records", "6000", "--from", "2026-11-01", "--to", "2026-11-03", "--seed", "7");
        Assert.True(generated.ExitCode == 0, generated.ToString());
    }

    private string JobFile(string body, string name = "job.yaml")
    {
        var path = _root.Combine(name);
        File.WriteAllText(path, body.Replace("LOGS", Logs, StringComparison.Ordinal).Replace("OUT", Out, StringComparison.Ordinal));
        return path;
    }

    private const string Nightly = """
        name: nightly
        source:
          path: LOGS
        queries: [top-talkers]
        packs: [security]
        parameters:
          limit: 5
        window:
          relative: yesterday
          time_zone: Europe/Berlin
        outputs:
          - OUT/{job}/{yyyy}/{MM}/{dd}/{pack}/{query}.csv
          - OUT/{job}/{yyyy}/{MM}/{dd}/json/{query}.jsonl
        """;

    [Fact]
    public async Task A_rerun_for_the_same_window_writes_the_same_files_byte_for_byte_except_the_manifest_timestamps()
    {
        await GenerateAsync();
        var job = JobFile(Nightly);

        var first = await CliRun.Of("job", "run", job, "--at", At);
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstFiles = Snapshot(Out);
        var second = await CliRun.Of("job", "run", job, "--at", "2026-11-03T21:30:00Z"); // later the same Berlin day: same window, same keys
        Assert.True(second.ExitCode == 0, second.ToString());
        var secondFiles = Snapshot(Out);

        Assert.Equal(firstFiles.Keys, secondFiles.Keys);
        var manifestPath = Path.Combine(Out, "nightly", "2026", "11", "02", "manifest.json");
        foreach (var (path, bytes) in firstFiles.Where(f => f.Key != manifestPath))
            Assert.True(bytes.SequenceEqual(secondFiles[path]), $"{path} differs between the runs");
        Assert.Equal(ManifestTimestamps.Without(Text(firstFiles[manifestPath])), ManifestTimestamps.Without(Text(secondFiles[manifestPath])));
        Assert.NotEqual(Text(firstFiles[manifestPath]), Text(secondFiles[manifestPath])); // the run instants differ, and say so

        // The manifest accounts for every output: rows, bytes and hash of what is on disk.
        var manifest = JobRunManifest.FromJson(Text(secondFiles[manifestPath]));
        Assert.Equal(JobRunState.Succeeded, manifest.State);
        Assert.Equal(("2026-11-01T23:00:00Z", "2026-11-02T23:00:00Z"), (manifest.Window.From, manifest.Window.To));
        Assert.Equal("5", manifest.Parameters["limit"]);
        var ok = manifest.Queries.Where(q => q.State == QueryStatus.Ok).ToList();
        Assert.Contains(ok, q => q.Query == "traffic/top-talkers");
        Assert.True(ok.Count >= 5, string.Join(", ", manifest.Queries.Select(q => $"{q.Query}={q.State}")));
        foreach (var query in ok)
        {
            Assert.Equal(2, query.Outputs.Count);
            Assert.Null(query.ExecutionId); // DuckDB has no execution to look up later
            Assert.True(query.BytesScanned > 0);
            foreach (var output in query.Outputs)
            {
                var bytes = File.ReadAllBytes(output.Location);
                Assert.Equal(output.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                Assert.Equal(output.Bytes, bytes.Length);
                var lines = Text(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
                Assert.Equal(query.Rows, output.Format == "csv" ? lines - 1 : lines);
            }
        }
        Assert.Contains(Path.Combine(Out, "nightly", "2026", "11", "02", "security", "rejected-traffic.csv"), ok.SelectMany(q => q.Outputs).Select(o => o.Location));
        // Security queries that need fields of a richer format than the generated v2 default are skipped, with the reason.
        Assert.All(manifest.Queries.Where(q => q.State == QueryStatus.Skipped), q => Assert.Contains("needs", q.Reason));
        Assert.Equal(manifest.Queries.Count(q => q.State == QueryStatus.Skipped), manifest.Totals.Skipped);
        Assert.Equal(ok.Sum(q => q.Rows), manifest.Totals.Rows);
        Assert.Contains("job 'nightly': succeeded", second.Stderr);
        Assert.Empty(Directory.EnumerateFiles(Out, ".*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_report_job_writes_the_weekly_report_into_each_folder_and_a_rerun_writes_the_same_bytes()
    {
        var generated = await CliRun.Of("generate", "--out", Logs, "--records", "20000", "--from", "2026-11-02", "--to", "2026-11-16", "--seed", "3",
            "--format", Core.Formats.FlowLogFormat.AllVpcFields.FormatString, "--accounts", "012345678901", "--regions", "us-east-1");
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var job = JobFile("""
            name: weekly
            source:
              path: LOGS
            report: weekly
            window:
              relative: last-week
              time_zone: UTC
            outputs:
              - OUT/a/{job}/{yyyy}-{MM}-{dd}/
              - OUT/b/{job}/{yyyy}-{MM}-{dd}
            """);

        var first = await CliRun.Of("job", "run", job, "--at", "2026-11-16T06:00:00Z");
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstFiles = Snapshot(Out);
        var second = await CliRun.Of("job", "run", job, "--at", "2026-11-18T06:00:00Z"); // later the same ISO week: same window, same keys
        Assert.True(second.ExitCode == 0, second.ToString());
        var secondFiles = Snapshot(Out);

        var a = Path.Combine(Out, "a", "weekly", "2026-11-09");
        var b = Path.Combine(Out, "b", "weekly", "2026-11-09");
        var manifestPath = Path.Combine(a, "manifest.json");
        Assert.Equal(firstFiles.Keys, secondFiles.Keys);
        foreach (var (path, bytes) in firstFiles.Where(f => f.Key != manifestPath))
            Assert.True(bytes.SequenceEqual(secondFiles[path]), $"{path} differs between the runs");
        Assert.Equal(ManifestTimestamps.Without(Text(firstFiles[manifestPath])), ManifestTimestamps.Without(Text(secondFiles[manifestPath])));

        // Both folders hold the same report: the page, its summary and both weeks' CSVs.
        foreach (var relative in new[] { "report.html", "summary.csv", Path.Combine("this-week", "security", "rejects-per-day.csv"), Path.Combine("previous-week", "cost", "egress-cost.csv") })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, relative)), File.ReadAllBytes(Path.Combine(b, relative)));
        var html = File.ReadAllText(Path.Combine(a, "report.html"));
        Assert.Contains("<img", html);
        Assert.DoesNotContain("No previous week", html);

        var manifest = JobRunManifest.FromJson(Text(secondFiles[manifestPath]));
        Assert.Equal(JobRunState.Succeeded, manifest.State);
        Assert.Equal(("2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z"), (manifest.Window.From, manifest.Window.To));
        Assert.Equal(10, manifest.Queries.Count); // five queries, two weeks
        Assert.All(manifest.Queries, q => Assert.Equal(QueryStatus.Ok, q.State));
        var rejects = manifest.Queries.Single(q => q.Query == "this-week/security/rejects-per-day");
        Assert.Equal([Path.Combine(a, "this-week", "security", "rejects-per-day.csv"), $"{b}/this-week/security/rejects-per-day.csv"], rejects.Outputs.Select(o => o.Location));
        Assert.Equal(rejects.Rows, File.ReadAllLines(Path.Combine(a, "this-week", "security", "rejects-per-day.csv")).Length - 1);
        Assert.Equal("weekly", manifest.Report!.Kind);
        var page = manifest.Report.Outputs.First(o => o.Location.EndsWith("report.html", StringComparison.Ordinal));
        Assert.Equal(page.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(a, "report.html")))));
    }

    [Fact]
    public async Task A_failing_query_makes_the_run_partial_with_exit_3_and_the_others_outputs_written()
    {
        await GenerateAsync();
        var queries = _root.Combine("queries");
        Directory.CreateDirectory(Path.Combine(queries, "traffic"));
        File.Copy(RepositoryRoot.Combine("queries", "traffic", "top-talkers.sql"), Path.Combine(queries, "traffic", "top-talkers.sql"));
        // A copied query needs the partials and shared front matter it names, as queries/README.md says.
        Directory.CreateDirectory(Path.Combine(queries, "partials"));
        foreach (var shared in Directory.EnumerateFiles(RepositoryRoot.Combine("queries", "partials")))
            File.Copy(shared, Path.Combine(queries, "partials", Path.GetFileName(shared)));
        // Renders fine; fails only when DuckDB runs it, as a query with a runtime error would.
        File.WriteAllText(Path.Combine(queries, "traffic", "broken.sql"), """
            ---
            id: broken
            title: Broken at run time
            description: Calls a function no engine has.
            requires_fields: [srcaddr, start]
            output:
              - name: x
                description: Never produced.
            ---
            SELECT no_such_function({{ col 'srcaddr' }}) AS {{ ident 'x' }} FROM {{ table }} WHERE {{ time_window }}
            """);
        var job = JobFile(Nightly.Replace("packs: [security]", "packs: [traffic]", StringComparison.Ordinal).Replace("queries: [top-talkers]\n", "", StringComparison.Ordinal));

        var run = await CliRun.Of("job", "run", job, "--at", At, "--queries", queries, "--verbose");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("SQL for traffic/broken:", run.Stderr); // --verbose shows what each query sent
        Assert.Contains("no_such_function(", run.Stderr);
        var manifest = JobRunManifest.FromJson(File.ReadAllText(Path.Combine(Out, "nightly", "2026", "11", "02", "manifest.json")));
        Assert.Equal(JobRunState.Partial, manifest.State);
        var broken = Assert.Single(manifest.Queries, q => q.Query == "traffic/broken");
        Assert.Equal(QueryStatus.Failed, broken.State);
        Assert.Contains("no_such_function", broken.Reason);
        Assert.Empty(broken.Outputs);
        Assert.False(File.Exists(Path.Combine(Out, "nightly", "2026", "11", "02", "traffic", "broken.csv")));
        Assert.True(File.Exists(Path.Combine(Out, "nightly", "2026", "11", "02", "traffic", "top-talkers.csv")));
        Assert.Contains("job 'nightly': partial, 1 ok, 1 failed", run.Stderr);
    }

    [Fact]
    public async Task A_run_whose_source_has_no_files_fails_with_exit_1_and_a_manifest_that_says_why()
    {
        Directory.CreateDirectory(Logs);
        var run = await CliRun.Of("job", "run", JobFile(Nightly), "--at", At);

        Assert.True(run.ExitCode == 1, run.ToString());
        var manifest = JobRunManifest.FromJson(File.ReadAllText(Path.Combine(Out, "nightly", "2026", "11", "02", "manifest.json")));
        Assert.Equal(JobRunState.Failed, manifest.State);
        Assert.Contains(Logs, manifest.Error);
        Assert.DoesNotContain(manifest.Queries, q => q.State == QueryStatus.Ok);
        Assert.Empty(Directory.EnumerateFiles(Out, "*.csv", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("--param", "limt=3", "(with --param): No query of the job has a parameter 'limt'", "Did you mean 'limit'?")]
    [InlineData("--param", "limit=lots", "(with --param): ", "limit")]
    [InlineData("--at", "2026-13-01", "--at", "")]
    public async Task Bad_input_exits_2_before_anything_is_written(string option, string value, string expected, string hint)
    {
        await GenerateAsync();
        var job = JobFile(Nightly);

        var run = await CliRun.Of("job", "run", job, "--at", option == "--at" ? value : At, option == "--at" ? "--threads" : option, option == "--at" ? "1" : value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr);
        Assert.Contains(hint, run.Stderr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_job_file_error_names_the_file_and_line_and_exits_2()
    {
        var job = JobFile(Nightly.Replace("queries: [top-talkers]", "queries: [top-talker]", StringComparison.Ordinal));

        var run = await CliRun.Of("job", "run", job, "--at", At);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{job}:4: ", run.Stderr);
        Assert.Contains("top-talkers", run.Stderr);
    }

    [Fact]
    public async Task Cancelling_mid_run_records_the_run_as_cancelled_and_leaves_no_output_of_the_stopped_query()
    {
        await GenerateAsync();
        var job = JobFileParser.Load(JobFile(Nightly));
        using var cancel = new CancellationTokenSource();
        var seen = new List<JobQueryRecord>();
        var options = new JobExecutorOptions
        {
            QueriesFolder = RepositoryRoot.Queries,
            // Stop the run as soon as the first query is done, as a shutdown would.
            QueryProgress = new SynchronousProgress(r =>
            {
                seen.Add(r);
                cancel.Cancel();
            }),
        };
        using var executor = new CliJobExecutor(options, TimeProvider.System);

        var result = await executor.RunAsync(job, DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture), cancel.Token);

        Assert.Equal(JobRunState.Cancelled, result.State);
        Assert.Equal(1, result.Succeeded);
        var manifest = JobRunManifest.FromJson(File.ReadAllText(result.Manifest!));
        Assert.Equal(JobRunState.Cancelled, manifest.State);
        Assert.Equal([QueryStatus.Ok, QueryStatus.Cancelled], manifest.Queries.Where(q => q.State != QueryStatus.Skipped).Select(q => q.State));
        var stopped = manifest.Queries.Single(q => q.State == QueryStatus.Cancelled);
        Assert.Empty(Directory.EnumerateFiles(Out, Path.GetFileName(stopped.Query) + ".*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Out, ".*.tmp", SearchOption.AllDirectories));
        Assert.Equal(2, seen.Count);
    }

    private sealed class SynchronousProgress(Action<JobQueryRecord> report) : IProgress<JobQueryRecord>
    {
        public void Report(JobQueryRecord value) => report(value);
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes), StringComparer.Ordinal);

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
