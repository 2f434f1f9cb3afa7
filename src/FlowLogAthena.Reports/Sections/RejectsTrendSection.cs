using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>
/// Rejected flow records per UTC day, from one run of security/rejects-per-day per week. The query has a row only for
/// days with rejects, so every day of the week starts at 0 and takes its row's rejected_flows. Day 1 is compared
/// with day 1.
/// </summary>
internal static class RejectsTrendSection
{
    private const string Title = "Rejects per day";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.RejectsPerDay;
        var current = results.Week(spec, ReportWeek.This);
        var previous = results.Week(spec, ReportWeek.Previous);
        var notes = results.CommonNotes(current, previous);
        if (ReportResults.Unavailable(current) is { } reason)
            return new ReportSection("rejects-per-day", Title, spec.QualifiedId, [.. notes, reason], [ReportChart.NoData(Title, reason)], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous);
        if (previousNote is not null) notes.Add(previousNote);
        var days = ReportWeeks.Days(results.Weeks.This);
        var thisWeek = PerDay(current.Table, days);
        var lastWeek = PerDay(previous.Table, ReportWeeks.Days(results.Weeks.Previous));

        var labels = SectionParts.DayLabels(days);
        var rows = Enumerable.Range(0, days.Count)
            .Select(d => new Comparison(labels[d], thisWeek[d], withPrevious ? (d < lastWeek.Length ? lastWeek[d] : 0) : null)).ToList();
        var total = new Comparison("total", thisWeek.Sum(), withPrevious ? lastWeek.Sum() : null);
        var chart = DailyTrendChart.Render(Title, "rejected flow records", SectionParts.ShortDayLabels(days), thisWeek, withPrevious ? lastWeek : null,
            $"No rejected flow records in {results.Weeks.This}.");
        return new ReportSection("rejects-per-day", Title, spec.QualifiedId, notes, [chart],
            [SectionParts.ComparisonTable("rejects-table", "Rejected flow records per day (the previous week's same weekday)", "day", "rejected records", Measure.Count, rows, total, withPrevious)]);
    }

    /// <summary>Each report day's rejected_flows; a day the query has no row for had no rejects (0).</summary>
    private static decimal[] PerDay(ResultTable table, IReadOnlyList<Core.Sources.TimeWindow> days)
    {
        var perDay = new decimal[days.Count];
        if (table.Rows.Count == 0) return perDay;
        int dayStart = table.IndexOf("day_start"), flows = table.IndexOf("rejected_flows");
        foreach (var row in table.Rows)
            perDay[SectionParts.DayIndex(days, ResultTable.Long(row, dayStart))] += ResultTable.Long(row, flows);
        return perDay;
    }
}
