using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Reports;

/// <summary>
/// The report's week and the one before it, of the same length: <c>[from - (to - from), from)</c>. Each is cut into
/// UTC calendar days so the two weeks can be compared day by day (day 1 with day 1).
/// </summary>
public sealed record ReportWeeks(TimeWindow This, TimeWindow Previous)
{
    public static ReportWeeks For(TimeWindow week) =>
        new(week, week.Before());

    /// <summary>Both weeks: the window a report's table is opened over, so an S3 source is synced (and headers read) once.</summary>
    public TimeWindow Both => new(Previous.From, This.To);

    /// <summary>The window of one week by its role.</summary>
    public TimeWindow Of(ReportWeek week) => week == ReportWeek.This ? This : Previous;

    /// <summary>The UTC days a window overlaps, each clipped to the window (a window need not start at midnight).</summary>
    public static IReadOnlyList<TimeWindow> Days(TimeWindow window)
    {
        var days = new List<TimeWindow>();
        for (var start = window.From; start < window.To;)
        {
            var nextMidnight = start.Date.AddDays(1);
            var end = nextMidnight < window.To ? nextMidnight : window.To;
            days.Add(new TimeWindow(start, end));
            start = end;
        }
        return days;
    }
}

/// <summary>Which of the two compared weeks a result belongs to.</summary>
public enum ReportWeek
{
    This,
    Previous,
}
