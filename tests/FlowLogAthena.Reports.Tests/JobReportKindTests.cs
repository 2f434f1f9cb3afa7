using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Reports.Tests;

/// <summary>Core's job validator checks a report job's parameters against <see cref="JobReportKind"/>; it must name what the report really runs.</summary>
public sealed class JobReportKindTests
{
    [Fact]
    public void The_weekly_report_kind_lists_exactly_the_queries_the_report_runs_and_the_parameters_it_sets()
    {
        Assert.Equal(ReportQuerySpec.All.Select(s => s.QualifiedId), JobReportKind.Weekly.QueryIds);
        Assert.Equal(ReportQuerySpec.All.SelectMany(s => s.FixedParameters.Keys).Distinct().Order(StringComparer.Ordinal),
            JobReportKind.Weekly.ReportOwnedParameters.Order(StringComparer.Ordinal));
    }
}
