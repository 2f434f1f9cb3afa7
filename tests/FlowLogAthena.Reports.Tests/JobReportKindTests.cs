using FlowLogAthena.Reports.Jobs;

namespace FlowLogAthena.Reports.Tests;

/// <summary>The job validator checks a report job's parameters against the kind Reports registers; it must name what the report really runs.</summary>
public sealed class JobReportKindTests
{
    [Fact]
    public void The_weekly_report_kind_lists_exactly_the_queries_the_report_runs_and_the_parameters_it_sets()
    {
        Assert.Equal(ReportQuerySpec.All.Select(s => s.QualifiedId), ReportKinds.Weekly.QueryIds);
        Assert.Equal(ReportQuerySpec.All.SelectMany(s => s.FixedParameters.Keys).Distinct().Order(StringComparer.Ordinal),
            ReportKinds.Weekly.ReportOwnedParameters.Order(StringComparer.Ordinal));
    }
}
