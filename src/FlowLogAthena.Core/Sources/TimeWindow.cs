using System.Globalization;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// A half-open UTC interval: a record counts when <c>From ≤ start &lt; To</c>. Bounds lie in
/// [<see cref="Earliest"/>, <see cref="Latest"/>]: a record's start is Unix seconds, so nothing is older than 1970,
/// and the last year is kept free so a day or a week next to a window still exists as a date.
/// </summary>
public sealed record TimeWindow
{
    public static readonly DateTime Earliest = DateTime.UnixEpoch;

    public static readonly DateTime Latest = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public TimeWindow(DateTime fromUtc, DateTime toUtc)
    {
        if (fromUtc.Kind != DateTimeKind.Utc || toUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException("Time window bounds must be UTC.");
        if (fromUtc < Earliest || toUtc > Latest)
            throw new TimeWindowException(
                $"The time window [{Format(fromUtc)}, {Format(toUtc)}) reaches outside {Format(Earliest)} … {Format(Latest)}, the instants a flow log record can have.");
        if (toUtc <= fromUtc)
            throw new TimeWindowException(
                $"The time window is empty: --to ({Format(toUtc)}) must be after --from ({Format(fromUtc)}).");
        From = fromUtc;
        To = toUtc;
    }

    public DateTime From { get; }

    public DateTime To { get; }

    public long FromUnixSeconds => new DateTimeOffset(From).ToUnixTimeSeconds();

    /// <summary>Exclusive upper bound in Unix seconds, rounded up so a sub-second bound keeps its meaning.</summary>
    public long ToUnixSecondsExclusive => (long)Math.Ceiling((To - DateTime.UnixEpoch).TotalSeconds);

    /// <summary>Parses <c>--from</c>/<c>--to</c> text: a date (<c>2026-11-02</c>, midnight UTC) or an ISO 8601 timestamp.
    /// A timestamp without an offset is taken as UTC.</summary>
    public static TimeWindow Parse(string from, string to, string fromName = "--from", string toName = "--to") =>
        new(ParseInstant(from, fromName), ParseInstant(to, toName));

    public static DateTime ParseInstant(string text, string optionName)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            return InRange(DateTime.SpecifyKind(date, DateTimeKind.Utc), text, optionName);
        if (trimmed.Length > 10 && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant)
            && (trimmed[10] == 'T' || trimmed[10] == ' '))
            return InRange(instant.UtcDateTime, text, optionName);
        throw new TimeWindowException(
            $"{optionName} '{text}' is not a date (2026-11-02) or ISO 8601 timestamp (2026-11-02T13:00:00Z).");
    }

    /// <summary>The window of the same length that ends where this one starts (a report's previous week).</summary>
    public TimeWindow Before()
    {
        var length = To - From;
        if (From - Earliest < length)
            throw new TimeWindowException($"The window before {this} would start before {Format(Earliest)}; no flow log record is that old.");
        return new TimeWindow(From - length, From);
    }

    private static DateTime InRange(DateTime instant, string text, string optionName) =>
        instant >= Earliest && instant <= Latest
            ? instant
            : throw new TimeWindowException($"{optionName} '{text}' is outside {Format(Earliest)} … {Format(Latest)}, the instants a flow log record can have.");

    /// <summary>The window covering whole UTC days, e.g. for <c>--date</c> shortcuts.</summary>
    public static TimeWindow Days(DateOnly firstDay, int days)
    {
        var from = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (days < 1 || days > (Latest - from).TotalDays)
            throw new TimeWindowException($"{days} days from {firstDay:yyyy-MM-dd} is not a window: give at least 1 day, ending by {Format(Latest)}.");
        return new(from, firstDay.AddDays(days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public override string ToString() => $"[{Format(From)}, {Format(To)})";
}
