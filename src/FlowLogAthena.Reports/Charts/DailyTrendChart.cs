using FlowLogAthena.Reports.Sections;
using ScottPlot;

namespace FlowLogAthena.Reports.Charts;

/// <summary>A per-day line for this week, and a dashed grey line for the previous week, day 1 over day 1: the rejects trend.</summary>
internal static class DailyTrendChart
{
    public static ReportChart Render(string title, string yLabel, IReadOnlyList<string> dayLabels, IReadOnlyList<decimal> current, IReadOnlyList<decimal>? previous, string noDataReason)
    {
        if (current.All(v => v == 0) && (previous is null || previous.All(v => v == 0)))
            return ReportChart.NoData(title, noDataReason);

        var plot = ChartImage.NewPlot(title, yLabel);
        var xs = Enumerable.Range(0, current.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, current.Select(v => (double)v).ToArray(), ChartImage.ThisWeek);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        if (previous is not null)
        {
            var days = Math.Min(previous.Count, current.Count);
            var before = plot.Add.Scatter(xs.Take(days).ToArray(), previous.Take(days).Select(v => (double)v).ToArray(), ChartImage.PreviousWeek);
            before.LinePattern = LinePattern.Dashed;
            before.LineWidth = 2;
            before.MarkerSize = 5;
            ChartImage.Legend(plot, ("this week", ChartImage.ThisWeek), ("previous week", ChartImage.PreviousWeek));
        }
        ChartImage.CategoryTicks(plot, dayLabels);
        plot.Axes.SetLimitsY(0, (double)Math.Max(current.Max(), previous?.DefaultIfEmpty(0).Max() ?? 0) * 1.15 + 1);
        return new ReportChart(title, ChartImage.ToDataUri(plot), null);
    }
}
