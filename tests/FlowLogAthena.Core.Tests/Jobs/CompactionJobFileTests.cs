using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Core.Tests.Jobs;

/// <summary>Job files with <c>compact:</c>: the text table's window into its Parquet twin, with no queries or outputs.</summary>
public sealed class CompactionJobFileTests
{
    /// <summary>Line numbers below refer to this file.</summary>
    private const string Valid = """
        name: compact-daily
        engine: athena
        source:
          database: flowlogs
          table: vpc_flow_logs
        compact:
          twin: s3://logs-bucket/flow-logs-parquet
        window:
          relative: yesterday
        schedule: "0 6 * * *"
        """;

    private static readonly DateTimeOffset Morning = new(2026, 11, 3, 6, 0, 0, TimeSpan.Zero);

    private static JobPlan Plan(string yaml) => JobValidator.Validate(JobFileParser.Parse("job.yaml", yaml), RepositoryRoot.Catalog, [], Morning);

    [Fact]
    public void A_compaction_job_plans_yesterday_into_the_twin_with_its_manifest_beside_the_markers()
    {
        var plan = Plan(Valid);

        Assert.Equal(new JobCompaction("s3://logs-bucket/flow-logs-parquet", null, false, 7), plan.Job.Compact);
        Assert.Equal("flowlogs.vpc_flow_logs", plan.Job.Source.ToString());
        Assert.Equal(TimeWindow.Parse("2026-11-02", "2026-11-03"), plan.Window);
        Assert.Empty(plan.Queries);
        Assert.Equal("s3://logs-bucket/flow-logs-parquet/_flowlog-athena/runs/compact-daily/2026/11/02/manifest.json", plan.Manifest);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 6, 0, 0, TimeSpan.Zero), plan.NextRun);
    }

    [Fact]
    public void The_local_engine_may_write_the_twin_and_the_table_and_force_can_be_given()
    {
        var plan = Plan(Valid.Replace("engine: athena", "engine: local", StringComparison.Ordinal)
            .Replace("  twin: s3://logs-bucket/flow-logs-parquet", "  twin: s3://logs-bucket/flow-logs-parquet\n  table: vpc_twin\n  force: true", StringComparison.Ordinal));

        Assert.Equal(EngineKind.Local, plan.Job.Engine);
        Assert.Equal(new JobCompaction("s3://logs-bucket/flow-logs-parquet", "vpc_twin", true, 7), plan.Job.Compact);
    }

    [Theory]
    [InlineData("  twin: s3://logs-bucket/flow-logs-parquet", "  twin: flow-logs-parquet", 7, "compact twin 'flow-logs-parquet' must be an s3://bucket/prefix")]
    [InlineData("  twin: s3://logs-bucket/flow-logs-parquet", "  twin: s3://logs-bucket/p\n  table: Twin-Table", 8, "compact table 'Twin-Table' must be lower-case letters")]
    [InlineData("  twin: s3://logs-bucket/flow-logs-parquet", "  twin: s3://logs-bucket/p\n  force: yes", 8, "'force' of 'compact' must be true or false, not 'yes'")]
    [InlineData("  twin: s3://logs-bucket/flow-logs-parquet", "  bucket: s3://logs-bucket/p", 7, "bucket")]
    [InlineData("window:", "queries: [top-talkers]\nwindow:", 8, "a job with 'compact' fills the Parquet twin and runs no queries; leave out 'queries'")]
    [InlineData("window:", "outputs: [\"out/{query}.csv\"]\nwindow:", 8, "leave out 'outputs'")]
    [InlineData("  database: flowlogs\n  table: vpc_flow_logs", "  path: s3://logs-bucket/vpc", 4, "'path'")]
    [InlineData("  table: vpc_flow_logs\n", "", 4, "'source' has no 'table'")]
    public void Bad_compaction_jobs_name_the_line_and_the_reason(string find, string replace, int line, string reason)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);

        var error = Assert.Throws<JobDefinitionException>(() => Plan(yaml));

        Assert.StartsWith($"job.yaml:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_that_has_not_ended_is_refused_as_for_any_job()
    {
        var error = Assert.Throws<JobDefinitionException>(() => Plan(Valid.Replace("relative: yesterday", "from: 2026-11-03\n  to: 2026-11-04", StringComparison.Ordinal)));

        Assert.Contains("ends in the future", error.Message, StringComparison.Ordinal);
    }
}
