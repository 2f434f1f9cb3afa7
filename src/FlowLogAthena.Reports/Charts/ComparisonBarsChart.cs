using FlowLogAthena.Reports.Sections;
using ScottPlot;

namespace FlowLogAthena.Reports.Charts;

/// <summary>
/// One horizontal bar per category for this week, and under it a grey bar for the previous week where it has a
/// value: top talkers, egress cost by class and by cost center, capacity per VPC. Horizontal, so long labels
/// (address pairs, VPC ids) stay readable.
/// </summary>
internal static class ComparisonBarsChart
{
    public static ReportChart Render(string title, IReadOnlyList<Comparison> values, Measure measure, bool withPrevious, string noDataReason)
    {
        if (values.Count == 0 || values.All(v => v.Current == 0 && (v.Previous ?? 0) == 0))
            return ReportChart.NoData(title, noDataReason);

        var scale = measure == Measure.Usd ? new ByteScale("USD", 1) : ByteScale.For(values.SelectMany(v => new[] { v.Current, v.Previous ?? 0 }));
        var plot = ChartImage.NewPlot(title, measure == Measure.Usd ? "USD" : scale.Unit);
        var width = withPrevious ? 0.4 : 0.8;
        var bars = new List<Bar>();
        for (var i = 0; i < values.Count; i++)
        {
            // The first category at the top, this week's bar above the previous week's.
            var position = values.Count - 1 - i;
            bars.Add(new Bar { Position = position + (withPrevious ? width / 2 : 0), Value = scale.Scale(values[i].Current), Size = width, FillColor = ChartImage.ThisWeek });
            if (withPrevious && values[i].Previous is { } previous)
                bars.Add(new Bar { Position = position - width / 2, Value = scale.Scale(previous), Size = width, FillColor = ChartImage.PreviousWeek });
        }
        plot.Add.Bars(bars).Horizontal = true;
        ChartImage.CategoryTicks(plot, values.Reverse().Select(v => v.Label).ToList(), horizontalBars: true);
        plot.XLabel(plot.Axes.Left.Label.Text);
        plot.YLabel("");
        plot.Axes.Margins(left: 0);
        if (withPrevious) ChartImage.Legend(plot, ("this week", ChartImage.ThisWeek), ("previous week", ChartImage.PreviousWeek));
        return new ReportChart(title, ChartImage.ToDataUri(plot, Math.Max(ChartImage.Height, 80 + (withPrevious ? 44 : 28) * values.Count)), null);
    }
}
