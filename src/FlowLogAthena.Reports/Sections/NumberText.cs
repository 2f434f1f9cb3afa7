using System.Globalization;

namespace FlowLogAthena.Reports.Sections;

/// <summary>The page's number formats, all invariant: grouped integers, six-decimal dollars, one-decimal changes.</summary>
public static class NumberText
{
    public static string Integer(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Usd(decimal value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    public static string Raw(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Change from the previous week in percent, one decimal, rounded half away from zero.</summary>
    public static string Change(decimal current, decimal previous)
    {
        if (previous == 0) return current == 0 ? "0.0 %" : "new";
        var percent = Math.Round((current - previous) / previous * 100m, 1, MidpointRounding.AwayFromZero);
        return (percent > 0 ? "+" : "") + percent.ToString("0.0", CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>A UTC Unix-seconds hour start as <c>2026-11-03 14:00Z</c>.</summary>
    public static string Hour(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateTime utc) => utc.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short day label for a chart axis, e.g. <c>Mon 11-09</c>.</summary>
    public static string ShortDay(DateTime utc) => utc.ToString("ddd MM-dd", CultureInfo.InvariantCulture);
}
