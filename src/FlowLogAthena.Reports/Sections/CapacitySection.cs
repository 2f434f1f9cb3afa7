using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>Each VPC's p95 of hourly bytes and its peak hour (capacity/capacity-peaks at VPC level), compared with the previous week.</summary>
internal static class CapacitySection
{
    private const int ChartedVpcs = 10;
    private const string Title = "Capacity: peak hour and p95";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.CapacityPeaks;
        var current = results.Week(spec, ReportWeek.This);
        var previous = results.Week(spec, ReportWeek.Previous);
        var notes = results.CommonNotes(current, previous);
        if (ReportResults.Unavailable(current) is { } reason)
            return new ReportSection("capacity", Title, spec.QualifiedId, [.. notes, reason],
                [ReportChart.NoData("p95 of hourly bytes by VPC", reason), ReportChart.NoData("Peak hour bytes by VPC", reason)], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous);
        if (previousNote is not null) notes.Add(previousNote);
        var thisWeek = Peaks(current.Table);
        var lastWeek = Peaks(previous.Table);
        var vpcs = thisWeek.Values.OrderByDescending(p => p.P95).ThenByDescending(p => p.PeakBytes).ThenBy(p => p.Vpc, StringComparer.Ordinal).ToList();
        Comparison P95(Peak p) => new(p.Vpc, p.P95, withPrevious ? lastWeek.GetValueOrDefault(p.Vpc)?.P95 ?? 0 : null);
        Comparison PeakBytes(Peak p) => new(p.Vpc, p.PeakBytes, withPrevious ? lastWeek.GetValueOrDefault(p.Vpc)?.PeakBytes ?? 0 : null);

        var noData = $"No VPC traffic in {results.Weeks.This}.";
        var charts = new[]
        {
            ComparisonBarsChart.Render("p95 of hourly bytes by VPC", vpcs.Take(ChartedVpcs).Select(P95).ToList(), Measure.Count, withPrevious, noData),
            ComparisonBarsChart.Render("Peak hour bytes by VPC", vpcs.Take(ChartedVpcs).Select(PeakBytes).ToList(), Measure.Count, withPrevious, noData),
        };
        var headers = withPrevious
            ? new[] { "VPC", "p95 hourly bytes, this week", "p95, previous week", "change", "peak hour, this week", "peak hour bytes, this week", "peak hour bytes, previous week", "change" }
            : ["VPC", "p95 hourly bytes, this week", "peak hour, this week", "peak hour bytes, this week"];
        var rows = vpcs.Select(p => Row(p, lastWeek.GetValueOrDefault(p.Vpc), withPrevious)).ToList();
        return new ReportSection("capacity", Title, spec.QualifiedId, notes, charts, [new TableView("capacity-table", "Peak hour and nearest-rank p95 of hourly bytes per VPC", headers, rows)]);
    }

    private static IReadOnlyList<Cell> Row(Peak current, Peak? previous, bool withPrevious)
    {
        var hour = new Cell(current.PeakHourStart is { } start ? NumberText.Hour(start) : "", current.PeakHourStart?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!withPrevious) return [Cell.Label(current.Vpc), Comparison.Number(current.P95, Measure.Count), hour, Comparison.Number(current.PeakBytes, Measure.Count)];
        decimal p95Before = previous?.P95 ?? 0, peakBefore = previous?.PeakBytes ?? 0;
        return
        [
            Cell.Label(current.Vpc),
            Comparison.Number(current.P95, Measure.Count), Comparison.Number(p95Before, Measure.Count), new Cell(NumberText.Change(current.P95, p95Before), Numeric: true),
            hour,
            Comparison.Number(current.PeakBytes, Measure.Count), Comparison.Number(peakBefore, Measure.Count), new Cell(NumberText.Change(current.PeakBytes, peakBefore), Numeric: true),
        ];
    }

    private sealed record Peak(string Vpc, decimal P95, decimal PeakBytes, long? PeakHourStart);

    private static Dictionary<string, Peak> Peaks(ResultTable table)
    {
        var peaks = new Dictionary<string, Peak>(StringComparer.Ordinal);
        if (table.Rows.Count == 0) return peaks;
        int level = table.IndexOf("level"), resource = table.IndexOf("resource_id"), p95 = table.IndexOf("p95_hourly_bytes"),
            peakBytes = table.IndexOf("peak_hour_bytes"), peakStart = table.IndexOf("peak_hour_start");
        foreach (var row in table.Rows)
        {
            if (ResultTable.Text(row, level) != "vpc" || ResultTable.Text(row, resource) is not { } vpc) continue;
            peaks[vpc] = new Peak(vpc, ResultTable.Long(row, p95), ResultTable.Long(row, peakBytes), row[peakStart] is null ? null : ResultTable.Long(row, peakStart));
        }
        return peaks;
    }
}
