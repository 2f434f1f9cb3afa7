using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>The diagnose pack's queries computed in plain C# from the generated records, in the queries' documented order.</summary>
public static class ReferenceDiagnose
{
    /// <summary>One direction of a flow at an interface; a regional NAT gateway's records (no interface-id) share the key "-".</summary>
    private readonly record struct Direction(string Eni, string? Src, string? Dst, int? SrcPort, int? DstPort, int? Protocol)
    {
        public Direction Reverse => new(Eni, Dst, Src, DstPort, SrcPort, Protocol);

        public static Direction Of(FlowRecord r) =>
            new(r["interface-id"] ?? "-", r["srcaddr"], r["dstaddr"], r.GetInt32("srcport"), r.GetInt32("dstport"), r.GetInt32("protocol"));
    }

    private static IEnumerable<FlowRecord> Acted(IEnumerable<FlowRecord> records) => records.Where(r => r["action"] is "ACCEPT" or "REJECT");

    public static List<object?[]> NaclAsymmetry(IEnumerable<FlowRecord> records, long replyWithinSeconds = 600)
    {
        var acted = Acted(records).ToList();
        var rejectStarts = acted.Where(r => r["action"] == "REJECT").ToLookup(Direction.Of, r => r.StartUnixSeconds);
        return acted
            .Where(a => a["action"] == "ACCEPT"
                && rejectStarts[Direction.Of(a).Reverse].Any(start => Math.Abs(start - a.StartUnixSeconds) <= replyWithinSeconds))
            .DistinctBy(a => (Direction.Of(a), a.StartUnixSeconds))
            .GroupBy(a => (Interface: a["interface-id"], Dst: a["dstaddr"], Port: a.GetInt32("dstport"), Protocol: a.GetInt32("protocol")))
            .Select(g => (g.Key, Flows: (long)g.Count(), Sources: (long)g.Select(a => a["srcaddr"]).Distinct().Count(),
                First: g.Min(a => a.StartUnixSeconds), Last: g.Max(a => a.StartUnixSeconds)))
            .OrderByDescending(x => x.Flows).ThenByDescending(x => x.Sources)
            .ThenBy(x => x.Key.Interface, NullsLast).ThenBy(x => x.Key.Dst, NullsLast)
            .ThenBy(x => x.Key.Port ?? int.MaxValue).ThenBy(x => x.Key.Protocol ?? int.MaxValue)
            .ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[] { x.Key.Interface, x.Key.Dst, x.Key.Port, x.Key.Protocol, x.Flows, x.Sources, x.First, x.Last })
            .ToList();
    }

    public static List<object?[]> OneWayFlows(IEnumerable<FlowRecord> records, long edgeMarginMinutes = 10)
    {
        var acted = Acted(records).ToList();
        if (acted.Count == 0) return [];
        var low = acted.Min(r => r.StartUnixSeconds) + (edgeMarginMinutes * 60);
        var high = acted.Max(r => r.StartUnixSeconds) - (edgeMarginMinutes * 60);
        var seen = acted.Select(Direction.Of).ToHashSet();
        return acted
            .Where(r => r["action"] == "ACCEPT" && r.StartUnixSeconds >= low && r.StartUnixSeconds <= high && !seen.Contains(Direction.Of(r).Reverse))
            .GroupBy(r => (Interface: r["interface-id"], Src: r["srcaddr"], Dst: r["dstaddr"], Port: r.GetInt32("dstport"), Protocol: r.GetInt32("protocol")))
            .Select(g => (g.Key, Flows: (long)g.Count(), SourcePorts: (long)g.Select(r => r.GetInt32("srcport")).Distinct().Count(),
                Packets: g.Sum(r => r.GetInt64("packets") ?? 0), Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0),
                First: g.Min(r => r.StartUnixSeconds), Last: g.Max(r => r.StartUnixSeconds)))
            .OrderByDescending(x => x.Flows).ThenByDescending(x => x.Bytes)
            .ThenBy(x => x.Key.Interface, NullsLast).ThenBy(x => x.Key.Src, NullsLast).ThenBy(x => x.Key.Dst, NullsLast)
            .ThenBy(x => x.Key.Port ?? int.MaxValue).ThenBy(x => x.Key.Protocol ?? int.MaxValue)
            .ThenBy(x => x.SourcePorts).ThenBy(x => x.Packets).ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[] { x.Key.Interface, x.Key.Src, x.Key.Dst, x.Key.Port, x.Key.Protocol, x.Flows, x.SourcePorts, x.Packets, x.Bytes, x.First, x.Last })
            .ToList();
    }

    public static List<object?[]> LogStatusHealth(IEnumerable<FlowRecord> records) =>
        records.GroupBy(r => r["interface-id"])
            .Select(g => (Interface: g.Key, Records: (long)g.Count(), Ok: (long)g.Count(r => r["log-status"] == "OK"),
                NoData: (long)g.Count(r => r["log-status"] == "NODATA"), SkipData: (long)g.Count(r => r["log-status"] == "SKIPDATA")))
            .Select(x => (x.Interface, x.Records, x.Ok, x.NoData, x.SkipData, Share: (double)x.SkipData / x.Records))
            .OrderByDescending(x => x.SkipData).ThenByDescending(x => x.Share).ThenByDescending(x => x.NoData).ThenByDescending(x => x.Records)
            .ThenBy(x => x.Interface, NullsLast).ThenByDescending(x => x.Ok)
            .Select(x => new object?[] { x.Interface, x.Records, x.Ok, x.NoData, x.SkipData, x.Share })
            .ToList();

    public static List<object?[]> SilentInterfaces(IEnumerable<FlowRecord> records, long silentHours = 6, long minExpectedRecords = 20)
    {
        var seen = records.Where(r => r["interface-id"] is not null).ToList();
        if (seen.Count == 0) return [];
        var dataStart = seen.Min(r => r.StartUnixSeconds);
        var dataEnd = seen.Max(r => r.StartUnixSeconds);
        var silentSeconds = silentHours * 3600;
        var cutOff = dataEnd - silentSeconds;
        if (cutOff <= dataStart) return [];
        return seen.GroupBy(r => r["interface-id"]!)
            .Select(g => (Interface: g.Key, Records: (long)g.Count(), First: g.Min(r => r.StartUnixSeconds), Last: g.Max(r => r.StartUnixSeconds)))
            // At its rate before the cut-off, records / (cutOff - dataStart), it would have logged this many while silent.
            .Where(x => x.Last < cutOff && x.Records * silentSeconds >= minExpectedRecords * (cutOff - dataStart))
            .OrderByDescending(x => x.Records).ThenBy(x => x.Last).ThenBy(x => x.Interface, StringComparer.Ordinal).ThenBy(x => x.First)
            .Select(x => new object?[] { x.Interface, x.Records, x.First, x.Last, dataEnd - x.Last })
            .ToList();
    }
}
