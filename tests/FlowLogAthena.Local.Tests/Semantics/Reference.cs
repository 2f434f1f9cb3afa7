using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The queries computed in plain C# from the generated records themselves (never from SQL),
/// as full ordered result sets in the queries' documented order.
/// </summary>
public static class Reference
{
    public static IEnumerable<FlowRecord> InWindow(GeneratorOptions options, TimeWindow window) => new GeneratedLogs(options).RecordsIn(window);

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

    public static List<object?[]> AcceptedTraffic(IEnumerable<FlowRecord> records, int? protocol = null) =>
        records.Where(r => r["action"] == "ACCEPT" && r.LoggedData && (protocol is null || r.GetInt32("protocol") == protocol))
            .GroupBy(r => (Src: r["srcaddr"], Dst: r["dstaddr"], Port: r.GetInt32("dstport"), Protocol: r.GetInt32("protocol")))
            .Select(g => (g.Key.Src, g.Key.Dst, g.Key.Port, g.Key.Protocol, Flows: (long)g.Count(), Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0)))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Dst, NullsLast)
            .ThenBy(x => x.Port ?? int.MaxValue).ThenBy(x => x.Protocol ?? int.MaxValue)
            .Select(x => new object?[] { x.Src, x.Dst, x.Port, x.Protocol, x.Flows, x.Bytes })
            .ToList();

    public static List<object?[]> RejectedTcp(IEnumerable<FlowRecord> records) =>
        RejectedTraffic(records.Where(r => r.GetInt32("protocol") == 6));

    public static List<object?[]> AdminPorts(IEnumerable<FlowRecord> records, params int[] ports) =>
        records.Where(r => r.LoggedData && r.GetInt32("dstport") is { } port && ports.Contains(port))
            .GroupBy(r => (Src: r["srcaddr"], Dst: r["dstaddr"], Port: r.GetInt32("dstport"), Action: r["action"]))
            .Select(g => (g.Key.Src, g.Key.Dst, g.Key.Port, g.Key.Action, Flows: (long)g.Count(), Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0)))
            .OrderByDescending(x => x.Flows).ThenByDescending(x => x.Bytes)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Dst, NullsLast)
            .ThenBy(x => x.Port ?? int.MaxValue).ThenBy(x => x.Action, NullsLast)
            .Select(x => new object?[] { x.Src, x.Dst, x.Port, x.Action, x.Flows, x.Bytes })
            .ToList();

    public static List<object?[]> IpVersionTotals(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData)
            .GroupBy(r => IpVersion(r["srcaddr"]))
            .Select(g => (Version: g.Key, Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0), Packets: g.Sum(r => r.GetInt64("packets") ?? 0), Flows: (long)g.Count()))
            .OrderBy(x => x.Version, StringComparer.Ordinal)
            .Select(x => new object?[] { x.Version, x.Bytes, x.Packets, x.Flows })
            .ToList();

    /// <summary>IPv6 when the text has a colon, IPv4 when it has a dot, as the query reads the source address.</summary>
    private static string IpVersion(string? address) =>
        address is null ? "unknown" : address.Contains(':') ? "IPv6" : address.Contains('.') ? "IPv4" : "unknown";

    /// <summary>Traffic from <paramref name="address"/> per destination and port (<c>from: true</c>), or to it per source and port.</summary>
    public static List<object?[]> TrafficOfAddress(IEnumerable<FlowRecord> records, string address, bool from) =>
        records.Where(r => r.LoggedData && r[from ? "srcaddr" : "dstaddr"] == address)
            .GroupBy(r => (Peer: r[from ? "dstaddr" : "srcaddr"], Port: r.GetInt32("dstport")))
            .Select(g => (g.Key.Peer, g.Key.Port, Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0), Packets: g.Sum(r => r.GetInt64("packets") ?? 0), Flows: (long)g.Count()))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets)
            .ThenBy(x => x.Peer, NullsLast).ThenBy(x => x.Port ?? int.MaxValue)
            .Select(x => new object?[] { x.Peer, x.Port, x.Bytes, x.Packets, x.Flows })
            .ToList();
}
