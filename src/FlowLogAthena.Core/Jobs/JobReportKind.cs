namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// A report a job can write instead of one output per query (<c>report: weekly</c>): the catalog queries it runs,
/// so a job's parameters can be checked against them, and the parameters the report sets itself. The project
/// that builds a report registers its kind (FlowLogAthena.Reports: <c>ReportKinds.All</c>); the validator is given
/// the kinds and knows none itself.
/// </summary>
public sealed record JobReportKind(string Name, IReadOnlyList<string> QueryIds, IReadOnlyList<string> ReportOwnedParameters);

/// <summary>The job file's <c>report:</c> as written, with its line; the validator resolves it to a <see cref="JobReportKind"/>.</summary>
public sealed record JobReport(string Name, int Line);
