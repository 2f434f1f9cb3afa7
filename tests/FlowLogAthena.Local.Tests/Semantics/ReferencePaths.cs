using System.Globalization;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Generation;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The paths pack computed in plain C# from the generated records (never from SQL), as full ordered result sets
/// in the queries' documented order. Records that logged data are the generator's own OK records, which is what
/// the queries' log-status (or, without it, byte-count) filter keeps.
/// </summary>
public static class ReferencePaths
{
    public static List<object?[]> TrafficPath(IEnumerable<FlowRecord> records) =>
        WithShares(records.Where(r => r.LoggedData)
            .GroupBy(r => (Direction: r["flow-direction"], Path: r.GetInt32("traffic-path")))
            .Select(g => (g.Key.Direction, g.Key.Path, Totals: Totals(g))))
        .OrderBy(x => x.Direction, NullsLast).ThenByDescending(x => x.Totals.Bytes).ThenByDescending(x => x.Totals.Packets)
        .ThenByDescending(x => x.Totals.Flows).ThenBy(x => x.Key ?? int.MaxValue)
        .Select(x => new object?[] { x.Direction, x.Key, PathLabel(x.Key), x.Totals.Bytes, x.Totals.Packets, x.Totals.Flows, x.Share })
        .ToList();

    private static (long Bytes, long Packets, long Flows) Totals(IEnumerable<FlowRecord> group) =>
        (group.Sum(r => r.GetInt64("bytes") ?? 0), group.Sum(r => r.GetInt64("packets") ?? 0), group.LongCount());

    /// <summary>Each group's bytes over its flow direction's bytes, one IEEE division as the SQL does it (null for 0).</summary>
    private static IEnumerable<(string? Direction, T Key, (long Bytes, long Packets, long Flows) Totals, double? Share)> WithShares<T>(
        IEnumerable<(string? Direction, T Key, (long Bytes, long Packets, long Flows) Totals)> groups)
    {
        var list = groups.ToList();
        var perDirection = list.GroupBy(x => x.Direction).ToDictionary(g => g.Key ?? "", g => g.Sum(x => x.Totals.Bytes));
        return list.Select(x =>
        {
            var total = perDirection[x.Direction ?? ""];
            return (x.Direction, x.Key, x.Totals, total == 0 ? (double?)null : (double)x.Totals.Bytes / total);
        });
    }

    private static string PathLabel(int? path) =>
        path is { } p ? FieldCatalog.TrafficPathLabels[p.ToString(CultureInfo.InvariantCulture)] : "none";

    /// <summary>Ordinal order with NULL last, as the queries' <c>NULLS LAST</c> over DuckDB's binary collation.</summary>
    private static readonly Comparer<string?> NullsLast = Comparer<string?>.Create((a, b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.CompareOrdinal(a, b));
}
