using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Reports.Jobs;

namespace FlowLogAthena.Reports.Tests;

/// <summary>The weekly report registers its kind with the job validator; a report job is checked and planned by it.</summary>
public sealed class JobReportKindTests
{
    private const string Job = """
        name: weekly
        source:
          path: logs
        report: weekly
        window:
          relative: last-week
        outputs:
          - out/{job}/{yyyy}/{MM}/{dd}/
        """;

    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_job_plans_the_queries_the_report_may_run_on_either_kind_of_flow_log()
    {
        var plan = JobValidator.Validate(JobFileParser.Parse("weekly.yaml", Job), RepositoryRoot.Catalog, ReportKinds.All, Monday);

        Assert.Equal(ReportQuerySpec.All.Select(s => s.QualifiedId), plan.Queries.Select(q => q.Query.QualifiedId));
    }

    [Fact]
    public void Every_parameter_the_report_sets_itself_is_refused_in_the_job()
    {
        // Each with the value the report itself gives it, so only ownership can refuse it.
        foreach (var (name, value) in ReportQuerySpec.All.SelectMany(s => s.FixedParameters).DistinctBy(p => p.Key))
        {
            var job = JobFileParser.Parse("weekly.yaml", Job.Replace("window:", $"parameters:\n  {name}: {value}\nwindow:", StringComparison.Ordinal));
            var error = Assert.Throws<JobDefinitionException>(() => JobValidator.Validate(job, RepositoryRoot.Catalog, ReportKinds.All, Monday));
            Assert.Contains($"the weekly report sets '{name}' itself", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_report_no_one_registered_is_refused_with_its_line()
    {
        var job = JobFileParser.Parse("weekly.yaml", Job.Replace("report: weekly", "report: monthly", StringComparison.Ordinal));
        var error = Assert.Throws<JobDefinitionException>(() => JobValidator.Validate(job, RepositoryRoot.Catalog, ReportKinds.All, Monday));
        Assert.Contains("weekly.yaml:4: report 'monthly' is unknown; reports: weekly.", error.Message, StringComparison.Ordinal);
    }
}
