using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Reports;

/// <summary>What to report on: the report week (the previous week follows from it; the source is the bound table's),
/// where to write, and the user's query parameters (prices, a cost-center map, …) for the report's queries that declare them.</summary>
public sealed record WeeklyReportRequest
{
    public required TimeWindow Week { get; init; }

    /// <summary>Local folder that receives report.html, summary.csv and a CSV per query run.</summary>
    public required string OutputFolder { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
