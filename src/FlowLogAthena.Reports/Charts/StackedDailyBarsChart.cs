using FlowLogAthena.Reports.Sections;
using ScottPlot;

namespace FlowLogAthena.Reports.Charts;

/// <summary>
/// Bytes per day stacked by series (VPCs), with the previous week's daily total as a dashed grey line on top, so a
/// day that grew shows its bars above the line.
/// </summary>
internal static class StackedDailyBarsChart
{
    public static ReportChart Render(string title, IReadOnlyList<string> dayLabels, IReadOnlyList<(string Name, IReadOnlyList<decimal> PerDay)> series,
        IReadOnlyList<decimal>? previousTotals, string noDataReason)
    {
        var totals = Enumerable.Range(0, dayLabels.Count).Select(d => series.Sum(s => s.PerDay[d])).ToList();
        if (totals.All(t => t == 0) && (previousTotals is null || previousTotals.All(t => t == 0)))
            return ReportChart.NoData(title, noDataReason);

        var scale = ByteScale.For(totals.Concat(previousTotals ?? []));
        var plot = ChartImage.NewPlot(title, scale.Unit);
        var bars = new List<Bar>();
        var legend = new List<(string, Color)>();
        for (var s = 0; s < series.Count; s++)
        {
            var color = ChartImage.Series(s);
            legend.Add((series[s].Name, color));
            for (var d = 0; d < dayLabels.Count; d++)
            {
                var below = series.Take(s).Sum(x => x.PerDay[d]);
                bars.Add(new Bar { Position = d, ValueBase = scale.Scale(below), Value = scale.Scale(below + series[s].PerDay[d]), FillColor = color, Size = 0.7 });
            }
        }
        plot.Add.Bars(bars);
        if (previousTotals is not null)
        {
            var days = Math.Min(previousTotals.Count, dayLabels.Count);
            var line = plot.Add.Scatter(Enumerable.Range(0, days).Select(i => (double)i).ToArray(), previousTotals.Take(days).Select(scale.Scale).ToArray(), ChartImage.PreviousWeek);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
            legend.Add(("previous week, all VPCs", ChartImage.PreviousWeek));
        }
        ChartImage.CategoryTicks(plot, dayLabels);
        plot.Axes.Margins(bottom: 0);
        ChartImage.Legend(plot, [.. legend]);
        return new ReportChart(title, ChartImage.ToDataUri(plot), null);
    }
}
