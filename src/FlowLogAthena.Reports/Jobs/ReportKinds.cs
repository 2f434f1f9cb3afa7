using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Reports.Jobs;

/// <summary>The reports a job may write (<c>report:</c>), registered with the job validator by whoever validates jobs.</summary>
public static class ReportKinds
{
    /// <summary>The weekly report: the queries it runs and the parameters it sets, read from its own query specs.</summary>
    public static JobReportKind Weekly { get; } = new("weekly",
        [.. ReportQuerySpec.All.Select(s => s.QualifiedId)],
        [.. ReportQuerySpec.All.SelectMany(s => s.FixedParameters.Keys).Distinct().Order(StringComparer.Ordinal)]);

    public static IReadOnlyList<JobReportKind> All { get; } = [Weekly];
}
