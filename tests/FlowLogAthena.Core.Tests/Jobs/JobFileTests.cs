using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Core.Tests.Jobs;

public class JobFileTests
{
    /// <summary>Line numbers below refer to this file.</summary>
    internal const string Valid = """
        name: nightly
        engine: local
        source:
          path: logs
        queries:
          - top-talkers
        packs: [compliance]
        parameters:
          limit: 25
          allowed_egress_cidrs: [52.94.0.0/16, 203.0.113.0/24]
          forbidden_cidrs: 198.51.100.0/24
        window:
          relative: yesterday
          time_zone: Europe/Berlin
        outputs:
          - out/{job}/{yyyy}/{MM}/{dd}/{query}.csv
        schedule: "30 2 * * *"
        """;

    private static readonly DateTimeOffset SpringForwardEve = new(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A report kind as FlowLogAthena.Reports registers the weekly one (Core knows no report of its own).</summary>
    private static readonly JobReportKind Weekly = new("weekly",
        ["capacity/hourly-traffic", "capacity/capacity-peaks", "traffic/top-talkers", "security/rejects-per-day", "cost/egress-cost"],
        ["capacity_levels", "limit"]);

    private static readonly IReadOnlyList<JobReportKind> Reports = [Weekly];

    private static JobPlan Plan(string yaml, DateTimeOffset? at = null) =>
        JobValidator.Validate(JobFileParser.Parse("job.yaml", yaml), RepositoryRoot.Catalog, Reports, at ?? SpringForwardEve);

    [Fact]
    public void A_valid_job_resolves_its_queries_window_outputs_and_next_run()
    {
        var plan = Plan(Valid, new DateTimeOffset(2026, 3, 30, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal("nightly", plan.Job.Name);
        Assert.Equal(EngineKind.Local, plan.Job.Engine);
        Assert.Equal("logs", plan.Job.Source.Location);
        Assert.Equal(["top-talkers", "admin-access-from-internet", "egress-outside-allow-list", "insecure-protocols-accepted",
            "rejected-by-vpc-controls", "traffic-to-forbidden-networks", "unencrypted-sensitive-flows"], plan.Queries.Select(q => q.Query.Id));
        Assert.Empty(plan.Skipped);
        // Yesterday in Berlin is the 23-hour spring-forward day; its keys carry the local date, not the UTC one.
        Assert.Equal(TimeWindow.Parse("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"), plan.Window);
        Assert.Equal("out/nightly/2026/03/29/top-talkers.csv", plan.Queries[0].Outputs.Single());
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 30, 0, TimeSpan.Zero), plan.NextRun);
    }

    [Fact]
    public void A_cron_time_skipped_by_spring_forward_runs_at_the_transition()
    {
        // 02:30 does not exist in Berlin on 2026-03-29; Cronos runs it at 03:00 CEST, 01:00Z.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), Plan(Valid).NextRun);
    }

    [Fact]
    public void Parameters_keep_their_values_and_lists_join_with_commas()
    {
        var job = JobFileParser.Parse("job.yaml", Valid);

        Assert.Equal(new JobParameter("allowed_egress_cidrs", "52.94.0.0/16,203.0.113.0/24", 10, 10), job.Parameters[1]);
        Assert.Equal(new JobParameter("limit", "25", 9, 9), job.Parameters[0]);
    }

    [Fact]
    public void Pack_queries_missing_a_required_parameter_are_skipped_but_a_listed_query_is_an_error()
    {
        var withoutForbidden = Valid.Replace("  forbidden_cidrs: 198.51.100.0/24\n", "", StringComparison.Ordinal);
        var plan = Plan(withoutForbidden);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("traffic-to-forbidden-networks", skipped.Query.Id);
        Assert.Contains("forbidden_cidrs", skipped.Reason);

        var listed = withoutForbidden.Replace("  limit: 25\n", "", StringComparison.Ordinal).Replace("  - top-talkers", "  - traffic-to-forbidden-networks", StringComparison.Ordinal);
        var error = Assert.Throws<JobDefinitionException>(() => Plan(listed));
        Assert.StartsWith("job.yaml:6: query 'traffic-to-forbidden-networks' cannot run: required parameter forbidden_cidrs", error.Message);
    }

    [Fact]
    public void A_given_format_skips_pack_queries_whose_fields_it_lacks()
    {
        var plan = Plan(Valid.Replace("  path: logs", "  path: logs\n  format: \"${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}\"", StringComparison.Ordinal));

        Assert.Contains(plan.Skipped, s => s.Query.Id == "unencrypted-sensitive-flows" && s.Reason.Contains("encryption-status", StringComparison.Ordinal));
        Assert.Contains(plan.Queries, q => q.Query.Id == "top-talkers");
    }

    [Fact]
    public void A_transit_gateway_format_refuses_a_listed_vpc_query_naming_both_kinds()
    {
        var transitGateway = Valid.Replace("  path: logs", $"  path: logs\n  format: \"{FlowLogFormat.TransitGatewayDefault.FormatString}\"", StringComparison.Ordinal);

        var error = Assert.Throws<JobDefinitionException>(() => Plan(transitGateway));

        Assert.Contains("query 'top-talkers' cannot run: Query 'top-talkers' reads VPC flow logs, and the log format is a Transit Gateway flow log's.", error.Message);
    }

    [Fact]
    public void An_athena_job_reads_a_glue_table()
    {
        var job = JobFileParser.Parse("job.yaml", Valid
            .Replace("engine: local", "engine: athena", StringComparison.Ordinal)
            .Replace("  path: logs", "  database: flowlogs\n  table: vpc_flow_logs", StringComparison.Ordinal));

        Assert.Equal(EngineKind.Athena, job.Engine);
        Assert.Equal("flowlogs.vpc_flow_logs", job.Source.ToString());
    }

    [Fact]
    public void An_absolute_window_in_the_past_is_accepted_as_is()
    {
        var plan = Plan(Valid.Replace("  relative: yesterday", "  from: 2026-03-01\n  to: 2026-03-08", StringComparison.Ordinal));

        Assert.Equal(TimeWindow.Parse("2026-03-01", "2026-03-08"), plan.Window);
    }

    [Theory]
    [InlineData("  - top-talkers", "  - top-talker", 6, "No query 'top-talker'", "Did you mean 'top-talkers'?")]
    [InlineData("packs: [compliance]", "packs: [complianse]", 7, "no query pack 'complianse'", "Did you mean 'compliance'?")]
    [InlineData("  limit: 25", "  limt: 25", 9, "No query of the job has a parameter 'limt'", "Did you mean 'limit'?")]
    [InlineData("  limit: 25", "  limit: 0", 9, "limit", "from 1 to 100000")]
    [InlineData("  forbidden_cidrs: 198.51.100.0/24", "  forbidden_cidrs:\n    - 198.51.100.0/33", 12, "forbidden_cidrs", "198.51.100.0/33")]
    [InlineData("  relative: yesterday", "  relative: last-fortnight", 13, "'last-fortnight' is not a relative window", "last-week")]
    [InlineData("  relative: yesterday", "  from: 2026-03-28\n  to: 2026-03-29", 14, "ends in the future", "2026-03-28T12:00:00Z")]
    [InlineData("  time_zone: Europe/Berlin", "  time_zone: Europe/Berlinn", 14, "time zone 'Europe/Berlinn' is unknown", "IANA")]
    [InlineData("{query}.csv", "{qeury}.csv", 16, "unknown placeholder '{qeury}'", "Did you mean '{query}'?")]
    [InlineData("{query}.csv", "report.csv", 16, "no '{query}' placeholder", "same file")]
    [InlineData("{dd}/", "{dd/", 16, "never closed", "position")]
    [InlineData("\"30 2 * * *\"", "\"30 2 * *\"", 17, "schedule '30 2 * *' is not a cron expression", "minute hour")]
    [InlineData("\"30 2 * * *\"", "\"61 2 * * *\"", 17, "schedule '61 2 * * *' is not a cron expression", "e.g.")]
    [InlineData("name: nightly\n", "", 1, "has no 'name'", "The job")]
    [InlineData("outputs:\n  - out/{job}/{yyyy}/{MM}/{dd}/{query}.csv\n", "", 1, "has no 'outputs'", "{query}.csv")]
    [InlineData("  - out/{job}/{yyyy}/{MM}/{dd}/{query}.csv", "  - out/{job}/{yyyy}/{MM}/{dd}/{query}.csv\n  - out/{job}/{yyyy}/{MM}/{dd}/{query}.csv", 17, "writes out/nightly/2026/03/27/top-talkers.csv twice", "")]
    [InlineData("packs: [compliance]\n", "", 9, "No query of the job has a parameter 'allowed_egress_cidrs'", "The job's parameters: cidr, limit.")]
    [InlineData("  path: logs", "  pth: logs", 4, "unknown key 'pth'", "Did you mean 'path'?")]
    [InlineData("engine: local", "engine: spark", 2, "engine 'spark' is not local or athena", "")]
    [InlineData("  path: logs", "  database: flowlogs\n  table: t", 4, "needs 'engine: athena'", "")]
    [InlineData("{query}.csv", "{query}.txt", 16, "must end in .csv, .json or .jsonl", "format")]
    [InlineData("schedule:", "manifest: out/{job}/{query}.json\nschedule:", 17, "manifest 'out/{job}/{query}.json' cannot use '{query}'", "one manifest covers every query")]
    [InlineData("schedule:", "manifest: out/{job}/run.txt\nschedule:", 17, "manifest 'out/{job}/run.txt' must end in .json", "")]
    [InlineData("schedule:", "athena:\n  timeout: soon\nschedule:", 18, "athena timeout 'soon' is not a duration", "15m")]
    [InlineData("schedule:", "athena:\n  result_encryption: AES\nschedule:", 18, "athena result_encryption 'AES' is not SSE_S3, SSE_KMS or CSE_KMS", "")]
    [InlineData("schedule:", "athena:\n  output_location: results/\nschedule:", 18, "must be an s3:// folder", "")]
    [InlineData("schedule:", "athena:\n  result_encryption: SSE_KMS\nschedule:", 18, "athena result_encryption SSE_KMS needs a KMS key", "aws.kms_key")]
    [InlineData("schedule:", "aws:\n  expected_bucket_owner: 12345\nschedule:", 18, "'12345' is not a 12-digit account id", "")]
    [InlineData("schedule:", "aws:\n  kms: k\nschedule:", 18, "unknown key 'kms'", "kms_key")]
    public void Bad_job_files_name_the_line_and_the_reason(string find, string replace, int line, string reason, string hint)
    {
        Assert.Contains(find, Valid);
        var error = Assert.Throws<JobDefinitionException>(() => Plan(Valid.Replace(find, replace, StringComparison.Ordinal)));

        Assert.StartsWith($"job.yaml:{line}: ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Theory]
    [InlineData("out/{job}/{yyyy}/{MM}/{dd}/{pack}/{query}.csv", "out/nightly/2026/03/27/manifest.json")]
    [InlineData("s3://reports/{job}/{yyyy}-{MM}-{dd}-{query}.jsonl", "s3://reports/nightly/2026-03-27-manifest.json")]
    [InlineData("out/{pack}-{query}/{yyyy}{MM}{dd}.csv", "out/manifest/20260327.json")]
    [InlineData("out/{job}/{query}-{pack}.csv", "out/nightly/manifest.json")]
    public void The_manifest_goes_beside_the_outputs_unless_the_job_names_a_place(string output, string manifest)
    {
        var plan = Plan(Valid.Replace("out/{job}/{yyyy}/{MM}/{dd}/{query}.csv", output, StringComparison.Ordinal));
        Assert.Equal(manifest, plan.Manifest);

        var named = Plan(Valid.Replace("schedule:", "manifest: runs/{job}/{yyyy}{MM}{dd}.json\nschedule:", StringComparison.Ordinal));
        Assert.Equal("runs/nightly/20260327.json", named.Manifest);
    }

    internal const string WeeklyReport = """
        name: weekly-report
        source:
          path: logs
        report: weekly
        parameters:
          gb_unit: decimal
        window:
          relative: last-week
          time_zone: Europe/Berlin
        outputs:
          - out/{job}/{yyyy}/{MM}/{dd}/
          - s3://reports/{job}/{yyyy}-{MM}-{dd}
        """;

    [Fact]
    public void A_report_job_runs_the_reports_queries_into_folders_with_the_manifest_in_the_first()
    {
        var plan = Plan(WeeklyReport, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(Weekly.Name, plan.Job.Report!.Name);
        Assert.Equal(Weekly.QueryIds, plan.Queries.Select(q => q.Query.QualifiedId));
        Assert.All(plan.Queries, q => Assert.Empty(q.Outputs));
        Assert.Equal(["out/weekly-report/2026/11/16", "s3://reports/weekly-report/2026-11-16"], plan.ReportFolders);
        Assert.Equal("out/weekly-report/2026/11/16/manifest.json", plan.Manifest);
        Assert.Equal("decimal", plan.Parameters["gb_unit"]);
    }

    [Theory]
    [InlineData("report: weekly", "report: monthly", 4, "report 'monthly' is unknown", "weekly")]
    [InlineData("report: weekly", "report: weekly\nqueries: [top-talkers]", 5, "runs the report's own queries", "leave out 'queries' and 'packs'")]
    [InlineData("  gb_unit: decimal", "  limit: 5", 6, "the weekly report sets 'limit' itself", "")]
    [InlineData("  gb_unit: decimal", "  gb_unit: free", 6, "gb_unit", "")]
    [InlineData("  - out/{job}/{yyyy}/{MM}/{dd}/", "  - out/{job}/{query}/", 11, "report output folder 'out/{job}/{query}' cannot use '{query}'", "one folder")]
    public void Bad_report_jobs_name_the_line_and_the_reason(string find, string replace, int line, string reason, string hint)
    {
        Assert.Contains(find, WeeklyReport);
        var error = Assert.Throws<JobDefinitionException>(() => Plan(WeeklyReport.Replace(find, replace, StringComparison.Ordinal), new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));

        Assert.StartsWith($"job.yaml:{line}: ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Fact]
    public void A_manifest_at_an_output_key_is_refused()
    {
        var yaml = Valid.Replace("{query}.csv", "{query}.json", StringComparison.Ordinal).Replace("schedule:", "manifest: out/{job}/{yyyy}/{MM}/{dd}/top-talkers.json\nschedule:", StringComparison.Ordinal);
        var error = Assert.Throws<JobDefinitionException>(() => Plan(yaml));

        Assert.StartsWith("job.yaml:17: the run manifest out/nightly/2026/03/27/top-talkers.json is also a query's output", error.Message);
    }

    [Fact]
    public void Command_line_parameters_replace_the_files_and_name_themselves_when_wrong()
    {
        var job = JobFileParser.Parse("job.yaml", Valid);

        var plan = JobValidator.Validate(job.WithParameters(new Dictionary<string, string> { ["limit"] = "7" }), RepositoryRoot.Catalog, Reports, SpringForwardEve);
        Assert.Equal("7", plan.Parameters["limit"]);
        Assert.Equal("198.51.100.0/24", plan.Parameters["forbidden_cidrs"]);

        var error = Assert.Throws<JobDefinitionException>(() =>
            JobValidator.Validate(job.WithParameters(new Dictionary<string, string> { ["limit"] = "0" }), RepositoryRoot.Catalog, Reports, SpringForwardEve));
        Assert.StartsWith("job.yaml (with --param): ", error.Message);
        Assert.Contains("from 1 to 100000", error.Message);
    }

    [Fact]
    public void Broken_yaml_names_its_line()
    {
        var error = Assert.Throws<JobDefinitionException>(() => Plan(Valid.Replace("  limit: 25", "  limit: 25\n  limit: 26", StringComparison.Ordinal)));

        Assert.StartsWith("job.yaml:10: not valid YAML: ", error.Message);
    }

    [Fact]
    public void The_example_job_in_the_repository_is_valid()
    {
        var path = Path.Combine(RepositoryRoot.Queries, "..", "examples", "jobs", "nightly-security.yaml");
        var plan = JobValidator.Validate(JobFileParser.Load(path), RepositoryRoot.Catalog, Reports, SpringForwardEve);

        Assert.Equal("nightly-security", plan.Job.Name);
        Assert.Contains(plan.Queries, q => q.Query.Id == "egress-outside-allow-list");
        Assert.Empty(plan.Skipped);
    }
}
