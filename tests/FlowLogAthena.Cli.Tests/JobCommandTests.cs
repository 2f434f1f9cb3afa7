namespace FlowLogAthena.Cli.Tests;

public sealed class JobCommandTests : IDisposable
{
    private readonly TempFolder _root = new();

    /// <summary>Line numbers in the error cases refer to this file.</summary>
    private const string Valid = """
        name: weekly
        source:
          path: logs
        queries: [top-talkers, rejected-by-port]
        packs:
          - capacity
        parameters:
          limit: 20
        window:
          relative: last-week
          time_zone: Europe/Berlin
        outputs:
          - out/{job}/{yyyy}/{MM}/{dd}/{query}.csv
        schedule: "0 7 * * 1"
        """;


    public void Dispose() => _root.Dispose();

    private async Task<(CliRun Run, string Path)> Validate(string yaml, params string[] extra)
    {
        var path = _root.Combine("job.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return (await CliRun.Of(["job", "validate", path, .. extra]), path);
    }

    [Fact]
    public async Task Validate_prints_the_queries_the_window_and_the_next_run()
    {
        // Wednesday 2026-10-28: last week in Berlin is Mon 19 to Mon 26 October, 25 hours longer by the fall-back Sunday.
        var (run, path) = await Validate(Valid, "--at", "2026-10-28T08:00:00Z");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{path}: job 'weekly' is valid.", run.Stdout);
        Assert.Contains("last-week (Europe/Berlin) → [2026-10-18T22:00:00Z, 2026-10-25T23:00:00Z)", run.Stdout);
        Assert.Contains("next at 2026-11-02T06:00:00Z (2026-11-02 07:00 +01:00 local)", run.Stdout);
        Assert.Contains("queries:  4 will run", run.Stdout);
        Assert.Contains("traffic/top-talkers → out/weekly/2026/10/19/top-talkers.csv", run.Stdout);
        Assert.Contains("capacity/hourly-traffic → out/weekly/2026/10/19/hourly-traffic.csv", run.Stdout);
        Assert.Contains("manifest: out/weekly/2026/10/19/manifest.json", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Validate_without_at_uses_the_clock_and_the_shipped_example_is_valid()
    {
        var example = RepositoryRoot.Combine("examples", "jobs", "nightly-security.yaml");
        var run = await CliRun.Of("job", "validate", example);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("job 'nightly-security' is valid.", run.Stdout);
        Assert.Contains("yesterday (Europe/Berlin) → [", run.Stdout);
        Assert.Contains("compliance/egress-outside-allow-list → out/nightly-security/", run.Stdout);
    }

    [Fact]
    public async Task The_shipped_compaction_example_is_valid_and_says_what_it_compacts()
    {
        var run = await CliRun.Of("job", "validate", RepositoryRoot.Combine("examples", "jobs", "compact-daily.yaml"), "--at", "2026-11-03T06:00:00Z");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("job 'compact-daily' is valid.", run.Stdout);
        Assert.Contains("window:   yesterday (UTC) → [2026-11-02T00:00:00Z, 2026-11-03T00:00:00Z)", run.Stdout);
        Assert.Contains("compact:  each day into the Parquet twin at s3://example-flow-logs-parquet/vpc (table vpc_flow_logs_parquet), written by Athena's UNLOAD", run.Stdout);
        Assert.Contains("manifest: s3://example-flow-logs-parquet/vpc/_flowlog-athena/runs/compact-daily/2026/11/02/manifest.json", run.Stdout);
    }

    [Theory]
    [InlineData("[top-talkers, rejected-by-port]", "[top-talkers, rejected-by-prot]", 4, "No query 'rejected-by-prot'", "Did you mean 'rejected-by-port'?")]
    [InlineData("  - capacity", "  - capacty", 6, "no query pack 'capacty'", "Did you mean 'capacity'?")]
    [InlineData("\"0 7 * * 1\"", "\"0 7 * * MON-\"", 14, "schedule '0 7 * * MON-' is not a cron expression", "")]
    [InlineData("  limit: 20", "  top: 20", 8, "No query of the job has a parameter 'top'", "limit")]
    [InlineData("  limit: 20", "  limit: twenty", 8, "twenty", "integer")]
    [InlineData("  relative: last-week", "  relative: next-week", 10, "'next-week' is not a relative window", "last-month")]
    [InlineData("  relative: last-week", "  from: 2999-01-01\n  to: 2999-01-02", 11, "ends in the future", "")]
    [InlineData("  time_zone: Europe/Berlin", "  time_zone: CEST", 11, "time zone 'CEST' is unknown", "")]
    [InlineData("{dd}/{query}", "{day}/{query}", 13, "unknown placeholder '{day}'", "{dd}")]
    [InlineData("source:\n  path: logs\n", "", 1, "has no 'source'", "")]
    [InlineData("window:\n  relative: last-week\n  time_zone: Europe/Berlin\n", "", 1, "has no 'window'", "")]
    public async Task Validate_fails_with_file_line_and_reason(string find, string replace, int line, string reason, string hint)
    {
        Assert.Contains(find, Valid);
        var (run, path) = await Validate(Valid.Replace(find, replace, StringComparison.Ordinal), "--at", "2026-10-28T08:00:00Z");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: {path}:{line}: ", run.Stderr);
        Assert.Contains(reason, run.Stderr);
        Assert.Contains(hint, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_missing_job_file_is_bad_input()
    {
        var run = await CliRun.Of("job", "validate", _root.Combine("nope.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.yaml: the job file does not exist.", run.Stderr);
    }

    [Fact]
    public async Task Every_shipped_example_job_is_valid()
    {
        var examples = Directory.GetFiles(RepositoryRoot.Combine("examples", "jobs"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.True(examples.Count >= 2, string.Join(", ", examples));
        foreach (var example in examples)
        {
            var run = await CliRun.Of("job", "validate", example, "--at", "2026-11-23T12:00:00Z");
            Assert.True(run.ExitCode == 0, $"{example}: {run}");
            if (example.EndsWith("weekly-capacity-cost.yaml", StringComparison.Ordinal))
            {
                // Last ISO week in New York, written under its Monday.
                Assert.Contains("last-week (America/New_York) → [2026-11-16T05:00:00Z, 2026-11-23T05:00:00Z)", run.Stdout);
                Assert.Contains("cost/egress-cost → s3://example-reports/weekly-capacity-cost/2026/11/16/cost/egress-cost.csv", run.Stdout);
            }
        }
    }
}
