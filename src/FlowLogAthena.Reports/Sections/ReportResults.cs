using FlowLogAthena.Core.Running;
namespace FlowLogAthena.Reports.Sections;

/// <summary>The runs of both weeks, looked up by query and week, and whether the previous week has any data at all.</summary>
public sealed class ReportResults(ReportWeeks weeks, IReadOnlyList<ReportQueryOutcome> outcomes)
{
    public ReportWeeks Weeks { get; } = weeks;

    /// <summary>Names to show beside ids (what AWS's address ranges say of an address).</summary>
    public Core.Names.ResourceNames Names { get; init; } = Core.Names.ResourceNames.None;

    public IReadOnlyList<ReportQueryOutcome> Outcomes { get; } = outcomes;

    /// <summary>True when some query of the previous week ran and returned rows: only then is a comparison shown.</summary>
    public bool PreviousWeekHasData { get; } = outcomes.Any(o => o.Week == ReportWeek.Previous && o.Status == QueryStatus.Ok && o.Table.Rows.Count > 0);

    public string NoPreviousWeekNote => $"No previous week: no flow log data for {Weeks.Previous}, so nothing is compared.";

    /// <summary>The run of a query for one week.</summary>
    public ReportQueryOutcome Week(ReportQuerySpec spec, ReportWeek week) =>
        Outcomes.Single(o => o.Spec == spec && o.Week == week);

    /// <summary>Why a section has nothing for this week (skipped or failed), or null when its query ran.</summary>
    public static string? Unavailable(ReportQueryOutcome current) =>
        current.Status is QueryStatus.Skipped or QueryStatus.Failed ? $"{current.Spec.QualifiedId} {current.Status.ToText()}: {current.Reason}" : null;

    /// <summary>Notes every section carries: no previous week, or a sum-feeding result that may be cut at its limit.</summary>
    public List<string> CommonNotes(params ReportQueryOutcome[] used)
    {
        var notes = new List<string>();
        if (!PreviousWeekHasData) notes.Add(NoPreviousWeekNote);
        foreach (var o in used.Where(o => o.MayBeTruncated))
            notes.Add($"{o.Spec.QualifiedId} for {o.Window} returned {o.Table.Rows.Count} rows, its limit: totals may be low.");
        return notes;
    }
}
