using System.Globalization;
using System.Net;
using FlowLogAthena.Core.Queries.Parameters;
using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The traffic pack's queries computed in plain C# from the generated records (never from SQL), as full ordered
/// result sets in each query's documented order.
/// </summary>
public static class ReferenceTraffic
{
    /// <summary>top-sources (<paramref name="side"/> srcaddr, peers dstaddr) or top-destinations (the other way round).</summary>
    public static List<object?[]> TopAddresses(IEnumerable<FlowRecord> records, string side, string peer) =>
        records.Where(r => r.LoggedData)
            .GroupBy(r => r[side])
            .Select(g => (Address: g.Key, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count(),
                Peers: (long)g.Select(r => r[peer]).Where(p => p is not null).Distinct().Count()))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows).ThenByDescending(x => x.Peers)
            .ThenBy(x => x.Address, NullsLast)
            .Select(x => new object?[] { x.Address, x.Bytes, x.Packets, x.Flows, x.Peers })
            .ToList();

    /// <summary>top-instances, top-subnets, top-interfaces, top-vpcs: per value of <paramref name="field"/>, NULL left out.</summary>
    public static List<object?[]> TopResources(IEnumerable<FlowRecord> records, string field)
    {
        var split = records.FirstOrDefault()?.Has("flow-direction") ?? false;
        return records.Where(r => r.LoggedData && r[field] is not null)
            .GroupBy(r => r[field]!)
            .Select(g => (Id: g.Key, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count(),
                In: split ? Sum(g.Where(r => r["flow-direction"] == "ingress"), "bytes") : (long?)null,
                Out: split ? Sum(g.Where(r => r["flow-direction"] == "egress"), "bytes") : (long?)null))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenByDescending(x => x.In ?? long.MinValue).ThenByDescending(x => x.Out ?? long.MinValue)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => new object?[] { x.Id, x.Bytes, x.Packets, x.Flows, x.In, x.Out })
            .ToList();
    }

    /// <summary>top-talkers-packet-level: per (pkt-srcaddr, pkt-dstaddr), with the records whose addresses were translated.</summary>
    public static List<object?[]> TopTalkersPacketLevel(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData)
            .GroupBy(r => (Src: r["pkt-srcaddr"], Dst: r["pkt-dstaddr"]))
            .Select(g => (g.Key.Src, g.Key.Dst, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count(),
                Translated: (long)g.Count(r => r["srcaddr"] != r["pkt-srcaddr"] || r["dstaddr"] != r["pkt-dstaddr"])))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows).ThenByDescending(x => x.Translated)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Dst, NullsLast)
            .Select(x => new object?[] { x.Src, x.Dst, x.Bytes, x.Packets, x.Flows, x.Translated })
            .ToList();

    /// <summary>top-sources-packet-level: per pkt-srcaddr, with distinct pkt-dstaddr and the records whose srcaddr differs.</summary>
    public static List<object?[]> TopSourcesPacketLevel(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData)
            .GroupBy(r => r["pkt-srcaddr"])
            .Select(g => (Src: g.Key, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count(),
                Destinations: (long)g.Select(r => r["pkt-dstaddr"]).Where(d => d is not null).Distinct().Count(),
                Translated: (long)g.Count(r => r["srcaddr"] != r["pkt-srcaddr"])))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenByDescending(x => x.Destinations).ThenByDescending(x => x.Translated).ThenBy(x => x.Src, NullsLast)
            .Select(x => new object?[] { x.Src, x.Bytes, x.Packets, x.Flows, x.Destinations, x.Translated })
            .ToList();

    /// <summary>protocol-mix: per protocol with its catalog name and its share of all bytes, rounded as the engines round.</summary>
    public static List<object?[]> ProtocolMix(IEnumerable<FlowRecord> records)
    {
        var groups = records.Where(r => r.LoggedData)
            .GroupBy(r => r.GetInt32("protocol"))
            .Select(g => (Protocol: g.Key, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count()))
            .ToList();
        double total = groups.Sum(x => x.Bytes);
        return groups
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Protocol ?? int.MaxValue)
            .Select(x => new object?[]
            {
                x.Protocol, ProtocolLabel(x.Protocol), x.Bytes, x.Packets, x.Flows,
                total == 0 ? null : Math.Round(100 * (double)x.Bytes / total * 100, MidpointRounding.AwayFromZero) / 100,
            })
            .ToList();
    }

    private static string ProtocolLabel(int? protocol) => protocol is not { } p ? "none"
        : FieldCatalog.ProtocolLabels.TryGetValue(p.ToString(CultureInfo.InvariantCulture), out var label) ? label
        : "code " + p.ToString(CultureInfo.InvariantCulture);

    /// <summary>traffic-from-address (<c>from: true</c>) or traffic-to-address for a network: per peer and destination port.</summary>
    public static List<object?[]> TrafficOfNetwork(IEnumerable<FlowRecord> records, string network, bool from)
    {
        var net = Network(network);
        return records.Where(r => r.LoggedData && In(net, r[from ? "srcaddr" : "dstaddr"]))
            .GroupBy(r => (Peer: r[from ? "dstaddr" : "srcaddr"], Port: r.GetInt32("dstport")))
            .Select(g => (g.Key.Peer, g.Key.Port, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count()))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets)
            .ThenBy(x => x.Peer, NullsLast).ThenBy(x => x.Port ?? int.MaxValue)
            .Select(x => new object?[] { x.Peer, x.Port, x.Bytes, x.Packets, x.Flows })
            .ToList();
    }

    /// <summary>conversation: both directions between the networks, per direction, addresses, ports, protocol and action.</summary>
    public static List<object?[]> Conversation(IEnumerable<FlowRecord> records, string addressA, string addressB)
    {
        var (a, b) = (Network(addressA), Network(addressB));
        return records.Where(r => r.LoggedData
                && ((In(a, r["srcaddr"]) && In(b, r["dstaddr"])) || (In(b, r["srcaddr"]) && In(a, r["dstaddr"]))))
            .GroupBy(r => (Direction: In(a, r["srcaddr"]) && In(b, r["dstaddr"]) ? "a_to_b" : "b_to_a",
                Src: r["srcaddr"], Dst: r["dstaddr"], SrcPort: r.GetInt32("srcport"), DstPort: r.GetInt32("dstport"),
                Protocol: r.GetInt32("protocol"), Action: r["action"]))
            .Select(g => (g.Key, Bytes: Sum(g, "bytes"), Packets: Sum(g, "packets"), Flows: (long)g.Count(),
                First: g.Min(r => r.StartUnixSeconds), Last: g.Max(r => r.StartUnixSeconds)))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.Direction, StringComparer.Ordinal).ThenBy(x => x.Key.Src, NullsLast).ThenBy(x => x.Key.Dst, NullsLast)
            .ThenBy(x => x.Key.SrcPort ?? int.MaxValue).ThenBy(x => x.Key.DstPort ?? int.MaxValue)
            .ThenBy(x => x.Key.Protocol ?? int.MaxValue).ThenBy(x => x.Key.Action, NullsLast)
            .ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[]
            {
                x.Key.Direction, x.Key.Src, x.Key.Dst, x.Key.SrcPort, x.Key.DstPort, x.Key.Protocol, x.Key.Action,
                x.Bytes, x.Packets, x.Flows, x.First, x.Last,
            })
            .ToList();
    }

    /// <summary>A CIDR block, or one address as its /32 or /128.</summary>
    public static IpNetwork Network(string text) =>
        IpNetwork.TryParse(text, out var network) ? network : IpNetwork.Single(IPAddress.Parse(text));

    private static bool In(IpNetwork network, string? address) =>
        address is not null && IPAddress.TryParse(address, out var parsed) && network.Contains(parsed);

    private static long Sum(IEnumerable<FlowRecord> records, string field) => records.Sum(r => r.GetInt64(field) ?? 0);
}
