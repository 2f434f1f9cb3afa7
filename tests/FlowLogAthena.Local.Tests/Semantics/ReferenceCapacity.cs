namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>The capacity pack's queries computed in plain C# from the generated records, in the queries' order.</summary>
public static class ReferenceCapacity
{
    public static readonly string[] AllLevels = ["vpc", "subnet", "instance"];

    private sealed record Hour(string Level, string Resource, long HourStart, long Bytes, long Packets, long Flows);

    /// <summary>Per level, resource and UTC hour of start: the records that logged data, counted once per level.</summary>
    private static List<Hour> Hours(IEnumerable<FlowRecord> records, string[] levels) =>
        records.Where(r => r.LoggedData)
            .SelectMany(r => levels.Select(level => (Level: level, Resource: Resource(r, level), Record: r)))
            .Where(x => x.Resource is not null)
            .GroupBy(x => (x.Level, x.Resource, HourStart: x.Record.StartUnixSeconds / 3600 * 3600))
            .Select(g => new Hour(g.Key.Level, g.Key.Resource!, g.Key.HourStart,
                g.Sum(x => x.Record.GetInt64("bytes") ?? 0), g.Sum(x => x.Record.GetInt64("packets") ?? 0), g.Count()))
            .ToList();

    private static string? Resource(FlowRecord r, string level) => level switch
    {
        "vpc" => r["vpc-id"],
        "subnet" => r["subnet-id"],
        _ => r["instance-id"],
    };

    private static int Rank(string level) => Array.IndexOf(AllLevels, level);

    public static List<object?[]> HourlyTraffic(IEnumerable<FlowRecord> records, params string[] levels) =>
        Hours(records, levels.Length == 0 ? AllLevels : levels)
            .OrderBy(h => Rank(h.Level)).ThenBy(h => h.Resource, StringComparer.Ordinal).ThenBy(h => h.HourStart)
            .Select(h => new object?[] { h.Level, h.Resource, h.HourStart, h.Bytes, h.Packets, h.Flows })
            .ToList();

    /// <summary>
    /// Peak hour and p95 per resource. The p95 is computed the plain way, independently of the query's
    /// formulation: list every hour the window overlaps with its total (0 where quiet), sort, and take the
    /// ceil(0.95 × N)-th smallest.
    /// </summary>
    public static List<object?[]> CapacityPeaks(IEnumerable<FlowRecord> records, TimeWindow window, params string[] levels)
    {
        var firstHour = window.FromUnixSeconds / 3600 * 3600;
        var lastHour = (window.ToUnixSecondsExclusive - 1) / 3600 * 3600;
        var windowHours = (int)((lastHour - firstHour) / 3600) + 1;
        var rank = ((95 * windowHours) + 99) / 100; // ceil(0.95 N), 1-based
        return Hours(records, levels.Length == 0 ? AllLevels : levels)
            .GroupBy(h => (h.Level, h.Resource))
            .Select(g =>
            {
                var byHour = g.ToDictionary(h => h.HourStart, h => h.Bytes);
                var totals = Enumerable.Range(0, windowHours).Select(i => byHour.GetValueOrDefault(firstHour + (3600L * i))).Order().ToList();
                var peak = g.OrderByDescending(h => h.Bytes).ThenBy(h => h.HourStart).First();
                return (g.Key.Level, g.Key.Resource, Bytes: g.Sum(h => h.Bytes), Packets: g.Sum(h => h.Packets), Active: (long)g.Count(),
                    Peak: peak, P95: totals[rank - 1]);
            })
            .OrderBy(x => Rank(x.Level)).ThenByDescending(x => x.P95).ThenByDescending(x => x.Peak.Bytes).ThenByDescending(x => x.Bytes)
            .ThenBy(x => x.Resource, StringComparer.Ordinal)
            .Select(x => new object?[]
            {
                x.Level, x.Resource, x.Bytes, x.Packets, x.Active, (long)windowHours,
                x.Peak.HourStart, x.Peak.Bytes, x.Peak.Packets, x.P95,
            })
            .ToList();
    }
}
