using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>
/// Where egress goes (cost/egress-cost again): bytes and cost per egress class, AWS service and destination region, so a
/// reader sees S3 in the region (free) apart from S3 in another region (billed) and from the internet. Says when AWS's
/// address ranges were missing, as AWS destinations then have no region.
/// </summary>
internal static class EgressDestinationsSection
{
    private const int ChartedDestinations = 10;
    private const string Title = "Where egress goes";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.EgressCost;
        var current = results.Week(spec, ReportWeek.This);
        var previous = results.Week(spec, ReportWeek.Previous);
        var notes = results.CommonNotes(current, previous);
        if (ReportResults.Unavailable(current) is { } reason)
            return new ReportSection("egress-destinations", Title, spec.QualifiedId, [.. notes, reason], [ReportChart.NoData("Egress bytes by destination", reason)], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous);
        if (previousNote is not null) notes.Add(previousNote);
        var unknownRegion = Sum(current.Table, "bytes", row => Destination(current.Table, row).StartsWith("aws-unknown-region", StringComparison.Ordinal));
        if (unknownRegion > 0)
            notes.Add($"{NumberText.Integer(unknownRegion)} bytes went to AWS services whose region no address range told (aws-unknown-region, priced as "
                + "another region): run 'flowlog-athena ranges update' (on Athena, 'ranges publish') so they are told apart.");

        var bytes = Compare(current.Table, previous.Table, "bytes", withPrevious);
        var cost = Compare(current.Table, previous.Table, "cost_usd", withPrevious);
        var noData = $"No accepted egress in {results.Weeks.This}.";
        return new ReportSection("egress-destinations", Title, spec.QualifiedId, notes,
            [ComparisonBarsChart.Render("Egress bytes by class, AWS service and region", SectionParts.TopWithOther(bytes, ChartedDestinations), Measure.Count, withPrevious, noData)],
            [
                SectionParts.ComparisonTable("egress-destinations-bytes", "Egress bytes by destination", "class · AWS service · region", "bytes", Measure.Count, bytes,
                    new Comparison("total", bytes.Sum(c => c.Current), withPrevious ? bytes.Sum(c => c.Previous ?? 0) : null), withPrevious),
                SectionParts.ComparisonTable("egress-destinations-cost", "Egress cost by destination", "class · AWS service · region", "USD", Measure.Usd, cost,
                    new Comparison("total", cost.Sum(c => c.Current), withPrevious ? cost.Sum(c => c.Previous ?? 0) : null), withPrevious),
            ]);
    }

    /// <summary>"class · service · region", leaving out what the row does not know.</summary>
    private static string Destination(ResultTable table, object?[] row) =>
        string.Join(" · ", new[] { "egress_class", "aws_service", "destination_region" }
            .Select(column => ResultTable.Text(row, table.IndexOf(column))).Where(v => !string.IsNullOrEmpty(v)));

    private static List<Comparison> Compare(ResultTable current, ResultTable previous, string measure, bool withPrevious) =>
        SectionParts.SumsByKey(current, previous, Destination, measure, withPrevious);

    private static decimal Sum(ResultTable table, string measure, Func<object?[], bool> where)
    {
        if (table.Rows.Count == 0) return 0;
        var index = table.IndexOf(measure);
        return table.Rows.Where(where).Sum(row => ResultTable.Decimal(row, index));
    }
}
