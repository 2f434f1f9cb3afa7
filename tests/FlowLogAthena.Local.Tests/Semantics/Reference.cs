using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Generation;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The three first queries computed in plain C# from the generated records themselves (never from SQL),
/// as full ordered result sets in the queries' documented order.
/// </summary>
public static class Reference
{
    public static IEnumerable<FlowRecord> InWindow(GeneratorOptions options, TimeWindow window) =>
        FlowLogGenerator.EnumerateFiles(options).SelectMany(f => f.EnumerateRecords())
            .Where(r => r.StartUnixSeconds >= window.FromUnixSeconds && r.StartUnixSeconds < window.ToUnixSecondsExclusive);

    public static List<object?[]> TopTalkers(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData)
            .GroupBy(r => (Src: r["srcaddr"], Dst: r["dstaddr"]))
            .Select(g => (g.Key.Src, g.Key.Dst, Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0), Packets: g.Sum(r => r.GetInt64("packets") ?? 0), Flows: (long)g.Count()))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Dst, NullsLast)
            .Select(x => new object?[] { x.Src, x.Dst, x.Bytes, x.Packets, x.Flows })
            .ToList();

    public static List<object?[]> RejectedTraffic(IEnumerable<FlowRecord> records) =>
        records.Where(r => r["action"] == "REJECT" && r.LoggedData)
            .GroupBy(r => (Src: r["srcaddr"], Dst: r["dstaddr"], Port: r.GetInt32("dstport")))
            .Select(g => (g.Key.Src, g.Key.Dst, g.Key.Port, Attempts: (long)g.Count()))
            .OrderByDescending(x => x.Attempts).ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Dst, NullsLast)
            .ThenBy(x => x.Port ?? int.MaxValue)
            .Select(x => new object?[] { x.Src, x.Dst, x.Port, x.Attempts })
            .ToList();

    public static List<object?[]> TrafficPath(IEnumerable<FlowRecord> records) =>
        records.Where(r => r["flow-direction"] == "egress" && r.LoggedData)
            .GroupBy(r => r.GetInt32("traffic-path"))
            .Select(g => (Path: g.Key, Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0), Flows: (long)g.Count()))
            .OrderByDescending(x => x.Bytes)
            .Select(x => new object?[] { x.Path, x.Path is { } p ? FieldCatalog.TrafficPathLabels[p.ToString(System.Globalization.CultureInfo.InvariantCulture)] : "none", x.Bytes, x.Flows })
            .ToList();

    /// <summary>Ordinal order with NULL last, as the queries' <c>NULLS LAST</c> over DuckDB's binary collation.</summary>
    private static readonly Comparer<string?> NullsLast = Comparer<string?>.Create((a, b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.CompareOrdinal(a, b));
}
