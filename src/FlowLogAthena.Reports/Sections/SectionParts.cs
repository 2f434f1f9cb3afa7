using FlowLogAthena.Core.Running;
using FlowLogAthena.Reports.Data;
namespace FlowLogAthena.Reports.Sections;

/// <summary>Small pieces the section builders share.</summary>
internal static class SectionParts
{
    /// <summary>Whether the previous week can be compared for this query, and if not for a reason of its own, why.</summary>
    public static (bool WithPrevious, string? Note) PreviousFor(ReportResults results, ReportQueryOutcome previous)
    {
        if (!results.PreviousWeekHasData) return (false, null);
        return previous.Status switch
        {
            QueryStatus.Ok => (true, null),
            QueryStatus.NoData => (true, null),
            _ => (false, $"The previous week's {previous.Spec.QualifiedId} {previous.Status.ToText()}: {previous.Reason}"),
        };
    }

    /// <summary>The index of the report day an instant (Unix seconds) falls in; before the first day counts as the first.</summary>
    public static int DayIndex(IReadOnlyList<Core.Sources.TimeWindow> days, long unixSeconds)
    {
        var instant = DateTime.UnixEpoch.AddSeconds(unixSeconds);
        for (var i = days.Count - 1; i >= 0; i--)
            if (days[i].From <= instant) return i;
        return 0;
    }

    public static IReadOnlyList<string> DayLabels(IReadOnlyList<Core.Sources.TimeWindow> days) => days.Select(d => NumberText.Day(d.From)).ToList();

    public static IReadOnlyList<string> ShortDayLabels(IReadOnlyList<Core.Sources.TimeWindow> days) => days.Select(d => NumberText.ShortDay(d.From)).ToList();

    /// <summary>The largest <paramref name="keep"/> entries by value, and the rest summed into one "other (N)" entry.</summary>
    public static List<Comparison> TopWithOther(IReadOnlyList<Comparison> sorted, int keep)
    {
        if (sorted.Count <= keep) return [.. sorted];
        var rest = sorted.Skip(keep).ToList();
        var previous = rest.All(r => r.Previous is null) ? (decimal?)null : rest.Sum(r => r.Previous ?? 0);
        return [.. sorted.Take(keep), new Comparison($"other ({rest.Count})", rest.Sum(r => r.Current), previous)];
    }

    /// <summary>
    /// A measure column summed per key for both weeks, largest first; a key absent from a week that has data counts 0 that
    /// week. <paramref name="key"/> names a row's group (e.g. its cost center).
    /// </summary>
    public static List<Comparison> SumsByKey(ResultTable current, ResultTable previous, Func<ResultTable, object?[], string> key, string measure, bool withPrevious)
    {
        var thisWeek = Sums(current, key, measure);
        var lastWeek = Sums(previous, key, measure);
        var keys = withPrevious ? thisWeek.Keys.Union(lastWeek.Keys) : thisWeek.Keys;
        return keys.Select(k => new Comparison(k, thisWeek.GetValueOrDefault(k), withPrevious ? lastWeek.GetValueOrDefault(k) : null))
            .OrderByDescending(c => c.Current).ThenByDescending(c => c.Previous).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>A row's group by one column's text ("unknown" when empty): the key of <see cref="SumsByKey"/> for a plain column.</summary>
    public static Func<ResultTable, object?[], string> ByColumn(string column) => (table, row) => ResultTable.Text(row, table.IndexOf(column)) ?? "unknown";

    /// <summary>A measure column summed per key over one week's table.</summary>
    public static Dictionary<string, decimal> Sums(ResultTable table, Func<ResultTable, object?[], string> key, string measure)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (table.Rows.Count == 0) return sums;
        var index = table.IndexOf(measure);
        foreach (var row in table.Rows)
        {
            var name = key(table, row);
            sums[name] = sums.GetValueOrDefault(name) + ResultTable.Decimal(row, index);
        }
        return sums;
    }

    public static TableView ComparisonTable(string id, string caption, string label, string measureName, Measure measure, IEnumerable<Comparison> rows,
        Comparison? total, bool withPrevious)
    {
        var cells = rows.Select(r => r.Cells(measure, withPrevious)).ToList();
        if (total is not null) cells.Add(total.Cells(measure, withPrevious, "total"));
        return new TableView(id, caption, Comparison.Headers(label, measureName, withPrevious), cells);
    }
}
