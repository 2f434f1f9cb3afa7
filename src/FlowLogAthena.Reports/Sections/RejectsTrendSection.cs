using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>
/// Rejected flow records per UTC day: security/rejected-by-port run for each day, its attempts summed (every port
/// and protocol of a day fits under the limit, so the sum is all the day's rejects). Day 1 is compared with day 1.
/// </summary>
internal static class RejectsTrendSection
{
    private const string Title = "Rejects per day";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.RejectedByPort;
        var current = results.Days(spec, ReportWeek.This);
        var previous = results.Days(spec, ReportWeek.Previous);
        var notes = results.CommonNotes([.. current, .. previous]);
        if (current.Select(ReportResults.Unavailable).FirstOrDefault(r => r is not null) is { } reason)
            return new ReportSection("rejects-per-day", Title, spec.QualifiedId + " (per day)", [.. notes, reason], [ReportChart.NoData(Title, reason)], []);

        var withPrevious = results.PreviousWeekHasData;
        if (withPrevious && previous.FirstOrDefault(p => p.Status is ReportQueryOutcome.Failed or ReportQueryOutcome.Skipped) is { } broken)
        {
            withPrevious = false;
            notes.Add($"The previous week's {spec.QualifiedId} for {broken.Window} {broken.Status}: {broken.Reason}");
        }
        foreach (var day in current.Where(d => d.Status == ReportQueryOutcome.NoData))
            notes.Add($"No flow log files for {day.Window}: counted as 0 rejects.");

        var thisWeek = current.Select(Attempts).ToList();
        var lastWeek = previous.Select(Attempts).ToList();
        var days = current.Select(d => d.Window).ToList();
        var labels = SectionParts.DayLabels(days);
        var rows = Enumerable.Range(0, thisWeek.Count)
            .Select(d => new Comparison(labels[d], thisWeek[d], withPrevious ? (d < lastWeek.Count ? lastWeek[d] : 0) : null)).ToList();
        var total = new Comparison("total", thisWeek.Sum(), withPrevious ? lastWeek.Sum() : null);
        var chart = DailyTrendChart.Render(Title, "rejected flow records", SectionParts.ShortDayLabels(days), thisWeek, withPrevious ? lastWeek : null,
            $"No rejected flow records in {results.Weeks.This}.");
        return new ReportSection("rejects-per-day", Title, spec.QualifiedId + " (per day)", notes, [chart],
            [SectionParts.ComparisonTable("rejects-table", "Rejected flow records per day (the previous week's same weekday)", "day", "rejected records", Measure.Count, rows, total, withPrevious)]);
    }

    private static decimal Attempts(ReportQueryOutcome day)
    {
        if (day.Table.Rows.Count == 0) return 0;
        var attempts = day.Table.IndexOf("attempts");
        return day.Table.Rows.Sum(r => (decimal)ResultTable.Long(r, attempts));
    }
}
