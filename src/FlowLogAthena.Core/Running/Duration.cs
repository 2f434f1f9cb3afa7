using System.Globalization;

namespace FlowLogAthena.Core.Running;

/// <summary>Durations as people write them in options and job files: 90, 90s, 15m, 1h, 2d, or a TimeSpan such as 00:15:00.</summary>
public static class Duration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var t = text.Trim();
        var unit = t.Length > 0 ? char.ToLowerInvariant(t[^1]) : ' ';
        var number = unit is 's' or 'm' or 'h' or 'd' ? t[..^1] : t;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
        {
            // Longer than TimeSpan can hold (99999999999d) is no duration, not an overflow.
            var seconds = value * unit switch { 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 1 };
            if (seconds >= TimeSpan.MaxValue.TotalSeconds)
            {
                duration = TimeSpan.Zero;
                return false;
            }
            duration = unit switch
            {
                'm' => TimeSpan.FromMinutes(value),
                'h' => TimeSpan.FromHours(value),
                'd' => TimeSpan.FromDays(value),
                _ => TimeSpan.FromSeconds(value),
            };
            return true;
        }
        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }
}
