using System.Net;

using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The compliance controls computed in plain C# from the generated records, with .NET's own <see cref="IPNetwork"/>
/// for CIDR membership (not the project's matcher), as full ordered evidence in the queries' documented order:
/// first_seen, then every key column NULLS LAST, then the counts.
/// </summary>
public static class ReferenceCompliance
{
    public const string DefaultInternal = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7";
    public const string DefaultAdminPorts = "22,3389,5900,5985,5986";
    public const string DefaultInsecurePorts = "20,21,23,69,110,143,161,512,513,514";
    public const string DefaultSensitivePorts = "389,445,1433,1521,2049,3306,5432,5439,5672,6379,9042,9092,9200,11211,27017";

    public static List<object?[]> AdminAccessFromInternet(IEnumerable<FlowRecord> records, string ports, string? allowed, string internalCidrs)
    {
        var (admin, inside) = (Ports(ports), Networks(internalCidrs));
        var allowedNetworks = allowed is null ? [] : Networks(allowed);
        return Evidence(records.Where(r => r["action"] == "ACCEPT" && admin.Contains(r.GetInt32("dstport") ?? -1)
            && In(r["dstaddr"], inside) && !In(r["srcaddr"], inside) && !In(r["srcaddr"], allowedNetworks)));
    }

    public static List<object?[]> InsecureProtocolsAccepted(IEnumerable<FlowRecord> records, string ports)
    {
        var insecure = Ports(ports);
        return Evidence(records.Where(r => r["action"] == "ACCEPT" && insecure.Contains(r.GetInt32("dstport") ?? -1)));
    }

    public static List<object?[]> EgressOutsideAllowList(IEnumerable<FlowRecord> records, string allowed, string internalCidrs)
    {
        var (allowedNetworks, inside) = (Networks(allowed), Networks(internalCidrs));
        return Evidence(records.Where(r => r["action"] == "ACCEPT" && r.GetInt32("dstport") < r.GetInt32("srcport")
            && In(r["srcaddr"], inside) && !In(r["dstaddr"], inside) && !In(r["dstaddr"], allowedNetworks)));
    }

    public static List<object?[]> TrafficToForbiddenNetworks(IEnumerable<FlowRecord> records, string forbidden)
    {
        var networks = Networks(forbidden);
        return Evidence(records.Where(r => r["action"] == "ACCEPT" && In(r["dstaddr"], networks)));
    }

    public static List<object?[]> UnencryptedSensitiveFlows(IEnumerable<FlowRecord> records, string ports)
    {
        var sensitive = Ports(ports);
        return Evidence(
            records.Where(r => r["encryption-status"] == "0"
                && (sensitive.Contains(r.GetInt32("dstport") ?? -1) || sensitive.Contains(r.GetInt32("srcport") ?? -1))),
            port: r => sensitive.Contains(r.GetInt32("dstport") ?? -1) ? r.GetInt32("dstport") : r.GetInt32("srcport"));
    }

    public static List<object?[]> RejectedByVpcControls(IEnumerable<FlowRecord> records, string reasons, string internalCidrs)
    {
        var (counted, inside) = (reasons.Split(','), Networks(internalCidrs));
        return Evidence(records.Where(r => r["action"] == "REJECT" && r["reject-reason"] is { } reason && counted.Contains(reason) && In(r["srcaddr"], inside)),
            tag: r => r["reject-reason"]);
    }

    public static bool In(string? address, IReadOnlyList<IPNetwork> networks) =>
        address is not null && IPAddress.TryParse(address, out var ip) && networks.Any(n => n.Contains(ip));

    public static IReadOnlyList<IPNetwork> Networks(string cidrs) => cidrs.Split(',').Select(IPNetwork.Parse).ToArray();

    private static HashSet<int> Ports(string ports) => ports.Split(',').Select(int.Parse).ToHashSet();

    /// <summary>
    /// One row per account, interface, source, destination, port, protocol and tag (the action, or the reject
    /// reason): counts, first start and last end, in the queries' order.
    /// </summary>
    private static List<object?[]> Evidence(IEnumerable<FlowRecord> records, Func<FlowRecord, int?>? port = null, Func<FlowRecord, string?>? tag = null)
    {
        port ??= r => r.GetInt32("dstport");
        tag ??= r => r["action"];
        return records
            .GroupBy(r => (Account: r["account-id"], Interface: r["interface-id"], Src: r["srcaddr"], Dst: r["dstaddr"], Port: port(r), Protocol: r.GetInt32("protocol"), Tag: tag(r)))
            .Select(g => (g.Key, Flows: (long)g.Count(), Packets: g.Sum(r => r.GetInt64("packets") ?? 0), Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0),
                First: g.Min(r => r.GetInt64("start")), Last: g.Max(r => r.GetInt64("end"))))
            .OrderBy(x => x.First ?? long.MaxValue)
            .ThenBy(x => x.Key.Account, NullsLast).ThenBy(x => x.Key.Interface, NullsLast)
            .ThenBy(x => x.Key.Src, NullsLast).ThenBy(x => x.Key.Dst, NullsLast)
            .ThenBy(x => x.Key.Port ?? int.MaxValue).ThenBy(x => x.Key.Protocol ?? int.MaxValue).ThenBy(x => x.Key.Tag, NullsLast)
            .ThenBy(x => x.Flows).ThenBy(x => x.Packets).ThenBy(x => x.Bytes).ThenBy(x => x.Last ?? long.MaxValue)
            .Select(x => new object?[]
            {
                x.Key.Account, x.Key.Interface, x.Key.Src, x.Key.Dst, x.Key.Port, x.Key.Protocol, x.Key.Tag, x.Flows, x.Packets, x.Bytes, x.First, x.Last,
            })
            .ToList();
    }
}
