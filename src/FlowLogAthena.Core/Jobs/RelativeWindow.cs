using System.Globalization;
using System.Text.RegularExpressions;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// A window named relative to the moment a job runs, in a time zone: <c>yesterday</c>, <c>last-Nd</c> (the N
/// whole days before today), <c>last-week</c> (the previous ISO week, Monday to Monday) and <c>last-month</c>
/// (the previous calendar month). Every window ends at or before the start of the current local day, so a
/// relative window is never in the future and a rerun at any time of the same local day gives the same window.
/// </summary>
/// <remarks>
/// Days are local calendar days, so a day that changes to or from daylight saving time is 23 or 25 hours long
/// (in Europe/Berlin, 2026-03-29 is 23 h and 2026-10-25 is 25 h). A local midnight that does not exist (a zone
/// that springs forward at midnight) starts the day at the transition, the first instant of that day; a local
/// midnight that happens twice (falling back at midnight) starts the day at its first occurrence.
/// </remarks>
public sealed partial record RelativeWindow(string Name, RelativeWindowKind Kind, int Days = 0)
{
    /// <summary>The largest N accepted in <c>last-Nd</c>.</summary>
    public const int MaxDays = 366;

    public static readonly IReadOnlyList<string> Names = ["yesterday", "last-Nd (e.g. last-7d)", "last-week", "last-month"];

    /// <summary>Parses a window name, or returns null and a reason.</summary>
    public static RelativeWindow? TryParse(string text, out string reason)
    {
        reason = "";
        switch (text)
        {
            case "yesterday": return new(text, RelativeWindowKind.Days, 1);
            case "last-week": return new(text, RelativeWindowKind.LastWeek);
            case "last-month": return new(text, RelativeWindowKind.LastMonth);
        }
        var match = LastDaysPattern().Match(text);
        if (match.Success)
        {
            var days = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (days is >= 1 and <= MaxDays) return new(text, RelativeWindowKind.Days, days);
            reason = $"'{text}' must count 1 to {MaxDays} days.";
            return null;
        }
        reason = $"'{text}' is not a relative window; use one of: {string.Join(", ", Names)}.";
        return null;
    }

    /// <summary>The absolute UTC window this name covers when the job runs at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public TimeWindow Resolve(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (first, end) = Kind switch
        {
            RelativeWindowKind.Days => (today.AddDays(-Days), today),
            RelativeWindowKind.LastWeek => LastIsoWeek(today),
            RelativeWindowKind.LastMonth => (new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1)),
            _ => throw new InvalidOperationException($"Unknown window kind {Kind}."),
        };
        return new TimeWindow(StartOfDay(first, zone), StartOfDay(end, zone));
    }

    private static (DateOnly, DateOnly) LastIsoWeek(DateOnly today)
    {
        // ISO weeks start on Monday: DayOfWeek.Sunday is 0, so Sunday is 6 days after Monday.
        var sinceMonday = ((int)today.DayOfWeek + 6) % 7;
        var thisMonday = today.AddDays(-sinceMonday);
        return (thisMonday.AddDays(-7), thisMonday);
    }

    /// <summary>The UTC instant a local calendar day starts (see the remarks for skipped and repeated midnights).</summary>
    public static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddHours(-6)); // the offset before the gap: local midnight minus it is the transition
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max(); // the larger offset is the earlier instant
        else
            offset = zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    [GeneratedRegex("^last-([0-9]{1,4})d$")]
    private static partial Regex LastDaysPattern();
}

public enum RelativeWindowKind
{
    /// <summary><c>yesterday</c> or <c>last-Nd</c>: whole local days ending at the start of today.</summary>
    Days,

    /// <summary>The previous ISO week, Monday 00:00 to Monday 00:00 local.</summary>
    LastWeek,

    /// <summary>The previous calendar month, local.</summary>
    LastMonth,
}
