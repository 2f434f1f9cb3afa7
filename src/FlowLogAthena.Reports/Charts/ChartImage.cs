using ScottPlot;

namespace FlowLogAthena.Reports.Charts;

/// <summary>Shared look of the report's charts and their rendering to a PNG embedded as a data: URI.</summary>
internal static class ChartImage
{
    public const int Width = 960;
    public const int Height = 400;

    public static Color ThisWeek { get; } = Color.FromHex("#1f77b4");

    public static Color PreviousWeek { get; } = Color.FromHex("#9e9e9e");

    public static Color Series(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    public static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot;
    }

    public static string ToDataUri(Plot plot, int height = Height) =>
        "data:image/png;base64," + Convert.ToBase64String(plot.GetImageBytes(Width, height, ImageFormat.Png));

    /// <summary>Category labels at 0, 1, 2, …: under the bars, or beside them for horizontal bars.</summary>
    public static void CategoryTicks(Plot plot, IReadOnlyList<string> labels, bool horizontalBars = false)
    {
        var positions = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        var axis = horizontalBars ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        axis.SetTicks(positions, labels.ToArray());
    }

    /// <summary>A legend beside the plot, where it cannot hide a bar or a line.</summary>
    public static void Legend(Plot plot, params (string Text, Color Color)[] items)
    {
        foreach (var (text, color) in items)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
        plot.ShowLegend(Edge.Right);
    }
}
