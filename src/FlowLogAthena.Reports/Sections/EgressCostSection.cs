using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>Egress cost (cost/egress-cost) summed by egress class (where the bytes went) and by cost center, exactly in decimal dollars.</summary>
internal static class EgressCostSection
{
    private const int ChartedCostCenters = 10;
    private const string Title = "Egress cost";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.EgressCost;
        var current = results.Week(spec, ReportWeek.This);
        var previous = results.Week(spec, ReportWeek.Previous);
        var notes = results.CommonNotes(current, previous);
        if (ReportResults.Unavailable(current) is { } reason)
            return new ReportSection("egress-cost", Title, spec.QualifiedId, [.. notes, reason],
                [ReportChart.NoData("Egress cost by category", reason), ReportChart.NoData("Egress cost by cost center", reason)], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous);
        if (previousNote is not null) notes.Add(previousNote);
        var noData = $"No accepted egress in {results.Weeks.This}.";

        var byClass = Compare(current.Table, previous.Table, "egress_class", withPrevious);
        var byCenter = Compare(current.Table, previous.Table, "cost_center", withPrevious);
        var total = new Comparison("total", byClass.Sum(c => c.Current), withPrevious ? byClass.Sum(c => c.Previous ?? 0) : null);
        var charts = new[]
        {
            ComparisonBarsChart.Render("Egress cost by class (where the bytes went)", byClass, Measure.Usd, withPrevious, noData),
            ComparisonBarsChart.Render("Egress cost by cost center", SectionParts.TopWithOther(byCenter, ChartedCostCenters), Measure.Usd, withPrevious, noData),
        };
        return new ReportSection("egress-cost", Title, spec.QualifiedId, notes, charts,
        [
            SectionParts.ComparisonTable("egress-by-class", "Egress cost by class", "class", "USD", Measure.Usd, byClass, total, withPrevious),
            SectionParts.ComparisonTable("egress-by-cost-center", "Egress cost by cost center", "cost center", "USD", Measure.Usd, byCenter, total, withPrevious),
        ]);
    }

    private static List<Comparison> Compare(ResultTable current, ResultTable previous, string key, bool withPrevious) =>
        SectionParts.SumsByKey(current, previous, SectionParts.ByColumn(key), "cost_usd", withPrevious);
}
