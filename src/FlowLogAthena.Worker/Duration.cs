using System.Globalization;

namespace FlowLogAthena.Worker;

/// <summary>Durations as people write them on a command line: <c>0</c>, <c>90s</c>, <c>15m</c>, <c>12h</c>, <c>1d</c>, or <c>d.hh:mm:ss</c>.</summary>
public static class Duration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var t = text.Trim();
        if (t == "0") return true;
        if (t.Length >= 2 && char.IsAsciiLetterLower(t[^1])
            && double.TryParse(t[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            TimeSpan? parsed = t[^1] switch
            {
                's' => TimeSpan.FromSeconds(value),
                'm' => TimeSpan.FromMinutes(value),
                'h' => TimeSpan.FromHours(value),
                'd' => TimeSpan.FromDays(value),
                _ => null,
            };
            if (parsed is { } span)
            {
                duration = span;
                return true;
            }
            return false;
        }
        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
