using FlowLogAthena.Core.Running;
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

    public static TableView ComparisonTable(string id, string caption, string label, string measureName, Measure measure, IEnumerable<Comparison> rows,
        Comparison? total, bool withPrevious)
    {
        var cells = rows.Select(r => r.Cells(measure, withPrevious)).ToList();
        if (total is not null) cells.Add(total.Cells(measure, withPrevious, "total"));
        return new TableView(id, caption, Comparison.Headers(label, measureName, withPrevious), cells);
    }
}
