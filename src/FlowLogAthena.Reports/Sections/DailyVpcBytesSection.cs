using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>Bytes per UTC day by VPC, from capacity/hourly-traffic at VPC level, with the week totals compared.</summary>
internal static class DailyVpcBytesSection
{
    private const int ChartedVpcs = 8;
    private const string Title = "Bytes per day by VPC";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.HourlyTraffic;
        var current = results.Week(spec, ReportWeek.This);
        var previous = results.Week(spec, ReportWeek.Previous);
        var notes = results.CommonNotes(current, previous);
        if (ReportResults.Unavailable(current) is { } reason)
            return new ReportSection("bytes-per-day", Title, spec.QualifiedId, [.. notes, reason], [ReportChart.NoData(Title, reason)], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous);
        if (previousNote is not null) notes.Add(previousNote);
        var days = ReportWeeks.Days(results.Weeks.This);
        var previousDays = ReportWeeks.Days(results.Weeks.Previous);
        var thisWeek = PerVpcPerDay(current.Table, days);
        var lastWeek = PerVpcPerDay(previous.Table, previousDays);

        var vpcs = thisWeek.Select(v => new Comparison(v.Key, v.Value.Sum(), withPrevious ? lastWeek.GetValueOrDefault(v.Key)?.Sum() ?? 0 : null))
            .Concat(withPrevious ? lastWeek.Where(v => !thisWeek.ContainsKey(v.Key)).Select(v => new Comparison(v.Key, 0, v.Value.Sum())) : [])
            .OrderByDescending(c => c.Current).ThenByDescending(c => c.Previous).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var total = new Comparison("total", vpcs.Sum(v => v.Current), withPrevious ? vpcs.Sum(v => v.Previous ?? 0) : null);

        var labels = SectionParts.DayLabels(days);
        var dayTotals = Enumerable.Range(0, days.Count).Select(d => thisWeek.Values.Sum(v => v[d])).ToList();
        var previousTotals = Enumerable.Range(0, previousDays.Count).Select(d => lastWeek.Values.Sum(v => v[d])).ToList();
        var perDay = Enumerable.Range(0, days.Count).Select(d => new Comparison(
            labels[d], dayTotals[d], withPrevious ? (d < previousTotals.Count ? previousTotals[d] : 0) : null)).ToList();

        var charted = vpcs.Where(v => v.Current > 0).Take(ChartedVpcs).Select(v => (v.Label, (IReadOnlyList<decimal>)thisWeek[v.Label])).ToList();
        var others = thisWeek.Keys.Except(charted.Select(c => c.Label)).ToList();
        if (others.Count > 0)
            charted.Add(($"other VPCs ({others.Count})", Enumerable.Range(0, days.Count).Select(d => others.Sum(o => thisWeek[o][d])).ToList()));
        var chart = StackedDailyBarsChart.Render(Title, SectionParts.ShortDayLabels(days), charted, withPrevious ? previousTotals : null, $"No traffic logged by any VPC in {results.Weeks.This}.");

        return new ReportSection("bytes-per-day", Title, spec.QualifiedId, notes, [chart],
        [
            SectionParts.ComparisonTable("bytes-by-vpc", "Bytes by VPC, the week (both directions, accepted and rejected)", "VPC", "bytes", Measure.Count, vpcs, total, withPrevious),
            SectionParts.ComparisonTable("bytes-by-day", "Bytes per day, all VPCs (the previous week's same weekday)", "day", "bytes", Measure.Count, perDay, null, withPrevious),
        ]);
    }

    /// <summary>Each VPC's bytes summed per report day from the hourly rows.</summary>
    private static Dictionary<string, decimal[]> PerVpcPerDay(ResultTable table, IReadOnlyList<Core.Sources.TimeWindow> days)
    {
        var perVpc = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        if (table.Rows.Count == 0) return perVpc;
        int level = table.IndexOf("level"), resource = table.IndexOf("resource_id"), hour = table.IndexOf("hour_start"), bytes = table.IndexOf("bytes");
        foreach (var row in table.Rows)
        {
            if (ResultTable.Text(row, level) != "vpc" || ResultTable.Text(row, resource) is not { } vpc) continue;
            if (!perVpc.TryGetValue(vpc, out var perDay)) perVpc[vpc] = perDay = new decimal[days.Count];
            perDay[SectionParts.DayIndex(days, ResultTable.Long(row, hour))] += ResultTable.Long(row, bytes);
        }
        return perVpc;
    }
}
