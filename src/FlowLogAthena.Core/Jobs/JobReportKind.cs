namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// A report a job can write instead of one output per query (<c>report: weekly</c>): the catalog queries it runs,
/// so a job's parameters can be checked against them, and the parameters the report sets itself. The report is
/// built in FlowLogAthena.Reports; a test there keeps these lists equal to what it runs.
/// </summary>
public sealed record JobReportKind(string Name, IReadOnlyList<string> QueryIds, IReadOnlyList<string> ReportOwnedParameters)
{
    public static JobReportKind Weekly { get; } = new("weekly",
        ["capacity/hourly-traffic", "capacity/capacity-peaks", "traffic/top-talkers", "security/rejects-per-day", "cost/egress-cost"],
        ["capacity_levels", "limit"]);

    public static IReadOnlyList<JobReportKind> All { get; } = [Weekly];
}

/// <summary>The job file's <c>report:</c> with its line.</summary>
public sealed record JobReport(JobReportKind Kind, int Line);
