using static FlowLogAthena.Local.Tests.Semantics.NullOrder;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The transit pack computed in plain C# from generated Transit Gateway records: a flow counted once on its
/// ingress record (where it entered the gateway), the two directions of an attachment apart, money as
/// <see cref="ReferenceCost"/> computes it.
/// </summary>
public static class ReferenceTransit
{
    private static readonly string[] LossFields = ["packets-lost-no-route", "packets-lost-blackhole", "packets-lost-mtu-exceeded", "packets-lost-ttl-expired"];
    private static readonly string[] Reasons = ["no-route", "blackhole", "mtu-exceeded", "ttl-expired"];

    private static IEnumerable<FlowRecord> Entered(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData && r["flow-direction"] == "ingress");

    private static long Sum(IEnumerable<FlowRecord> records, string field) => records.Sum(r => r.GetInt64(field) ?? 0);

    private static long Lost(FlowRecord r) => LossFields.Sum(f => r.GetInt64(f) ?? 0);

    public static List<object?[]> AttachmentTraffic(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData && r["flow-direction"] is "ingress" or "egress")
            .GroupBy(r => r["tgw-attachment-id"])
            .Select(g =>
            {
                var ingress = g.Where(r => r["flow-direction"] == "ingress").ToList();
                var egress = g.Where(r => r["flow-direction"] == "egress").ToList();
                return (Attachment: g.Key, InFlows: (long)ingress.Count, InPackets: Sum(ingress, "packets"), InBytes: Sum(ingress, "bytes"),
                    OutFlows: (long)egress.Count, OutPackets: Sum(egress, "packets"), OutBytes: Sum(egress, "bytes"), Lost: ingress.Sum(Lost));
            })
            .OrderByDescending(x => x.InBytes + x.OutBytes).ThenByDescending(x => x.InBytes).ThenBy(x => x.Attachment, NullsLast)
            .Select(x => new object?[]
            {
                x.Attachment, x.InFlows + x.OutFlows, x.InPackets + x.OutPackets, x.InBytes + x.OutBytes,
                x.InFlows, x.InPackets, x.InBytes, x.OutFlows, x.OutPackets, x.OutBytes, x.Lost,
            })
            .ToList();

    public static List<object?[]> VpcPairs(IEnumerable<FlowRecord> records) =>
        Entered(records)
            .GroupBy(r => (SrcAccount: r["tgw-src-vpc-account-id"], SrcVpc: r["tgw-src-vpc-id"], SrcAttachment: r["tgw-attachment-id"],
                DstAccount: r["tgw-dst-vpc-account-id"], DstVpc: r["tgw-dst-vpc-id"], DstAttachment: r["tgw-pair-attachment-id"]))
            .Select(g => (g.Key, Flows: (long)g.Count(), Packets: Sum(g, "packets"), Bytes: Sum(g, "bytes")))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.SrcAccount, NullsLast).ThenBy(x => x.Key.SrcVpc, NullsLast).ThenBy(x => x.Key.SrcAttachment, NullsLast)
            .ThenBy(x => x.Key.DstAccount, NullsLast).ThenBy(x => x.Key.DstVpc, NullsLast).ThenBy(x => x.Key.DstAttachment, NullsLast)
            .Select(x => new object?[]
            {
                x.Key.SrcAccount, x.Key.SrcVpc, x.Key.SrcAttachment, x.Key.DstAccount, x.Key.DstVpc, x.Key.DstAttachment, x.Flows, x.Packets, x.Bytes,
            })
            .ToList();

    public static List<object?[]> CrossAccount(IEnumerable<FlowRecord> records) =>
        Entered(records)
            .Where(r => r["tgw-src-vpc-account-id"] is { } src && r["tgw-dst-vpc-account-id"] is { } dst && src != dst)
            .GroupBy(r => (Src: r["tgw-src-vpc-account-id"], Dst: r["tgw-dst-vpc-account-id"]))
            .Select(g => (g.Key,
                VpcPairs: (long)g.Where(r => r["tgw-src-vpc-id"] is not null && r["tgw-dst-vpc-id"] is not null)
                    .Select(r => r["tgw-src-vpc-id"] + ">" + r["tgw-dst-vpc-id"]).Distinct().Count(),
                Flows: (long)g.Count(), Packets: Sum(g, "packets"), Bytes: Sum(g, "bytes")))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.Src, NullsLast).ThenBy(x => x.Key.Dst, NullsLast)
            .Select(x => new object?[] { x.Key.Src, x.Key.Dst, x.VpcPairs, x.Flows, x.Packets, x.Bytes })
            .ToList();

    public static List<object?[]> PacketsLost(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData)
            .SelectMany(r => LossFields.Select((field, i) => (Hour: r.StartUnixSeconds - (r.StartUnixSeconds % 3600), Attachment: r["tgw-attachment-id"],
                Reason: Reasons[i], Lost: r.GetInt64(field) ?? 0)))
            .Where(x => x.Lost > 0)
            .GroupBy(x => (x.Hour, x.Attachment, x.Reason))
            .Select(g => (g.Key, Lost: g.Sum(x => x.Lost), Flows: (long)g.Count()))
            .OrderBy(x => x.Key.Hour).ThenByDescending(x => x.Lost).ThenBy(x => x.Key.Attachment, NullsLast).ThenBy(x => x.Key.Reason, StringComparer.Ordinal)
            .Select(x => new object?[] { x.Key.Hour, x.Key.Attachment, x.Key.Reason, x.Lost, x.Flows })
            .ToList();

    /// <summary>Ingress records whose reverse 5-tuple left the gateway (an egress record) by another attachment.</summary>
    public static List<object?[]> AsymmetricRoutes(IEnumerable<FlowRecord> records)
    {
        var logged = records.Where(r => r.LoggedData && r["flow-direction"] is "ingress" or "egress").ToList();
        var repliesLeft = logged.Where(r => r["flow-direction"] == "egress")
            .Select(r => (Attachment: r["tgw-attachment-id"], Src: r["srcaddr"], Dst: r["dstaddr"], SrcPort: r.GetInt32("srcport"),
                DstPort: r.GetInt32("dstport"), Protocol: r.GetInt32("protocol")))
            .Distinct()
            .ToLookup(x => (x.Src, x.Dst, x.SrcPort, x.DstPort, x.Protocol));
        return logged.Where(r => r["flow-direction"] == "ingress" && r["srcaddr"] is not null && r["dstaddr"] is not null
                && r.GetInt32("srcport") is not null && r.GetInt32("dstport") is not null && r.GetInt32("protocol") is not null)
            .SelectMany(f => repliesLeft[(f["dstaddr"], f["srcaddr"], f.GetInt32("dstport"), f.GetInt32("srcport"), f.GetInt32("protocol"))]
                .Where(reply => reply.Attachment is not null && f["tgw-attachment-id"] is { } entry && reply.Attachment != entry)
                .Select(reply => (Flow: f, ReplyExit: reply.Attachment)))
            .GroupBy(x => (Src: x.Flow["srcaddr"], Dst: x.Flow["dstaddr"], Port: x.Flow.GetInt32("dstport"), Protocol: x.Flow.GetInt32("protocol"),
                Entry: x.Flow["tgw-attachment-id"], Exit: x.Flow["tgw-pair-attachment-id"], x.ReplyExit))
            .Select(g => (g.Key, Flows: (long)g.Count(), Packets: Sum(g.Select(x => x.Flow), "packets"), Bytes: Sum(g.Select(x => x.Flow), "bytes")))
            .OrderByDescending(x => x.Flows).ThenByDescending(x => x.Bytes)
            .ThenBy(x => x.Key.Src, NullsLast).ThenBy(x => x.Key.Dst, NullsLast).ThenBy(x => x.Key.Port ?? int.MaxValue)
            .ThenBy(x => x.Key.Protocol ?? int.MaxValue).ThenBy(x => x.Key.Entry, NullsLast).ThenBy(x => x.Key.Exit, NullsLast)
            .ThenBy(x => x.Key.ReplyExit, NullsLast)
            .Select(x => new object?[]
            {
                x.Key.Src, x.Key.Dst, x.Key.Port, x.Key.Protocol, x.Key.Entry, x.Key.Exit, x.Key.ReplyExit, x.Flows, x.Packets, x.Bytes,
            })
            .ToList();
    }

    public static List<object?[]> CrossAz(IEnumerable<FlowRecord> records) =>
        Entered(records)
            .Where(r => r["tgw-src-az-id"] is { } src && r["tgw-dst-az-id"] is { } dst && src != dst)
            .GroupBy(r => (SrcAz: r["tgw-src-az-id"], DstAz: r["tgw-dst-az-id"], SrcVpc: r["tgw-src-vpc-id"], DstVpc: r["tgw-dst-vpc-id"]))
            .Select(g => (g.Key, Flows: (long)g.Count(), Packets: Sum(g, "packets"), Bytes: Sum(g, "bytes")))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.SrcAz, NullsLast).ThenBy(x => x.Key.DstAz, NullsLast).ThenBy(x => x.Key.SrcVpc, NullsLast).ThenBy(x => x.Key.DstVpc, NullsLast)
            .Select(x => new object?[] { x.Key.SrcAz, x.Key.DstAz, x.Key.SrcVpc, x.Key.DstVpc, x.Flows, x.Packets, x.Bytes })
            .ToList();

    public static List<object?[]> ProcessingCost(IEnumerable<FlowRecord> records, decimal usdPerGb = 0.02m, bool decimalGb = false) =>
        Entered(records)
            .GroupBy(r => (Account: r["tgw-src-vpc-account-id"], Vpc: r["tgw-src-vpc-id"], Attachment: r["tgw-attachment-id"]))
            .Select(g =>
            {
                var bytes = Sum(g, "bytes");
                var gb = ReferenceCost.Gb(bytes, decimalGb);
                return (g.Key, Flows: (long)g.Count(), Bytes: bytes, Gb: gb, Cost: ReferenceCost.Cost(gb, usdPerGb));
            })
            .OrderByDescending(x => x.Cost).ThenByDescending(x => x.Bytes).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.Account, NullsLast).ThenBy(x => x.Key.Vpc, NullsLast).ThenBy(x => x.Key.Attachment, NullsLast)
            .Select(x => new object?[] { x.Key.Account, x.Key.Vpc, x.Key.Attachment, x.Flows, x.Bytes, x.Gb, usdPerGb, x.Cost })
            .ToList();
}
