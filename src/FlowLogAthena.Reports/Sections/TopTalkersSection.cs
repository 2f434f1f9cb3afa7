using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>This week's top address pairs by bytes (traffic/top-talkers), each with its bytes in the previous week's top list.</summary>
internal static class TopTalkersSection
{
    private const string Title = "Top talkers";

    public static ReportSection Build(ReportResults results)
    {
        var spec = ReportQuerySpec.TopTalkers;
        var current = results.Week(spec, ReportWeek.This);
        var previous = results.Week(spec, ReportWeek.Previous);
        var notes = results.CommonNotes(current, previous);
        if (ReportResults.Unavailable(current) is { } reason)
            return new ReportSection("top-talkers", Title, spec.QualifiedId, [.. notes, reason], [ReportChart.NoData(Title, reason)], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous);
        if (previousNote is not null) notes.Add(previousNote);
        var lastWeek = Pairs(previous.Table, results.Names).ToDictionary(p => p.Label, p => p.Bytes, StringComparer.Ordinal);
        var missing = $"not in the previous top {ReportQuerySpec.TopTalkerCount}";
        var pairs = Pairs(current.Table, results.Names)
            .Select(p => new Comparison(p.Label, p.Bytes, lastWeek.TryGetValue(p.Label, out var before) ? before : null, missing))
            .ToList();
        if (withPrevious) notes.Add($"The previous week's bytes are shown for pairs that were in its top {ReportQuerySpec.TopTalkerCount} too.");

        var chart = ComparisonBarsChart.Render($"Top {ReportQuerySpec.TopTalkerCount} talkers by bytes", pairs, Measure.Count, withPrevious,
            $"No address pair moved bytes in {results.Weeks.This}.");
        return new ReportSection("top-talkers", Title, spec.QualifiedId, notes, [chart],
            [SectionParts.ComparisonTable("top-talkers-table", $"Top {ReportQuerySpec.TopTalkerCount} source → destination pairs by bytes", "source → destination", "bytes", Measure.Count, pairs, null, withPrevious)]);
    }

    /// <summary>Each pair as "source → destination", an address AWS's ranges know followed by its service and region.</summary>
    private static IEnumerable<(string Label, decimal Bytes)> Pairs(ResultTable table, Core.Names.ResourceNames names)
    {
        if (table.Rows.Count == 0) yield break;
        int source = table.IndexOf("srcaddr"), destination = table.IndexOf("dstaddr"), bytes = table.IndexOf("bytes");
        string Address(object?[] row, int index, string column) =>
            ResultTable.Text(row, index) is { } address ? address + (names.NameOf(column, address) is { } name ? $" ({name})" : "") : "-";
        foreach (var row in table.Rows)
            yield return ($"{Address(row, source, "srcaddr")} → {Address(row, destination, "dstaddr")}", ResultTable.Long(row, bytes));
    }
}
