using System.Globalization;

using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The paths pack computed in plain C# from the generated records (never from SQL), as full ordered result sets
/// in the queries' documented order. Records that logged data are the generator's own OK records, which is what
/// the queries' log-status (or, without it, byte-count) filter keeps.
/// </summary>
public static class ReferencePaths
{
    private static readonly string[] GatewayEndpointServices = ["S3", "DYNAMODB"];

    public static List<object?[]> TrafficPath(IEnumerable<FlowRecord> records) =>
        WithShares(records.Where(r => r.LoggedData)
            .GroupBy(r => (Direction: r["flow-direction"], Path: r.GetInt32("traffic-path")))
            .Select(g => (g.Key.Direction, g.Key.Path, Totals: Totals(g))))
        .OrderBy(x => x.Direction, NullsLast).ThenByDescending(x => x.Totals.Bytes).ThenByDescending(x => x.Totals.Packets)
        .ThenByDescending(x => x.Totals.Flows).ThenBy(x => x.Key ?? int.MaxValue)
        .Select(x => new object?[] { x.Direction, x.Key, PathLabel(x.Key), x.Totals.Bytes, x.Totals.Packets, x.Totals.Flows, x.Share })
        .ToList();

    public static List<object?[]> AwsServiceTraffic(IEnumerable<FlowRecord> records) =>
        records.Where(r => r.LoggedData && (r["pkt-src-aws-service"] is not null || r["pkt-dst-aws-service"] is not null))
            .GroupBy(r => (Src: r["pkt-src-aws-service"], Dst: r["pkt-dst-aws-service"], Direction: r["flow-direction"], Path: r.GetInt32("traffic-path")))
            .Select(g => (g.Key, Totals: Totals(g)))
            .OrderByDescending(x => x.Totals.Bytes).ThenByDescending(x => x.Totals.Packets).ThenByDescending(x => x.Totals.Flows)
            .ThenBy(x => x.Key.Src, NullsLast).ThenBy(x => x.Key.Dst, NullsLast).ThenBy(x => x.Key.Direction, NullsLast)
            .ThenBy(x => x.Key.Path ?? int.MaxValue)
            .Select(x => new object?[] { x.Key.Src, x.Key.Dst, x.Key.Direction, x.Key.Path, PathLabel(x.Key.Path), x.Totals.Bytes, x.Totals.Packets, x.Totals.Flows })
            .ToList();

    /// <summary>
    /// S3 and DynamoDB outside gateway endpoints: a NAT gateway's leg towards the instance (the service address
    /// only in pkt-dstaddr or pkt-srcaddr), or egress on traffic-path 8 that is not a NAT gateway's own (when the
    /// format says which interfaces are NAT gateways).
    /// </summary>
    public static List<object?[]> GatewayEndpointBypass(IEnumerable<FlowRecord> records)
    {
        var rows = new List<(string? Vpc, string Route, string? Resource, string? Client, string? Service, long Bytes, long Packets)>();
        foreach (var r in records.Where(r => r.LoggedData))
        {
            var toService = IsGatewayService(r["pkt-dst-aws-service"]) && Differ(r["pkt-dstaddr"], r["dstaddr"]);
            var fromService = IsGatewayService(r["pkt-src-aws-service"]) && Differ(r["pkt-srcaddr"], r["srcaddr"]);
            var natGateway = r.Has("interface-type") && r["interface-type"] is "nat_gateway" or "regional_nat_gateway";
            var internet = r["flow-direction"] == "egress" && r.GetInt32("traffic-path") == 8 && IsGatewayService(r["pkt-dst-aws-service"]) && !natGateway;
            if (!toService && !fromService && !internet) continue;
            var behindNat = toService || fromService;
            var resource = r["interface-id"] ?? (r.Has("resource-id") ? r["resource-id"] : null);
            var client = !behindNat || r["flow-direction"] == "ingress" ? r["srcaddr"] : r["dstaddr"];
            var service = fromService && !toService ? r["pkt-src-aws-service"] : r["pkt-dst-aws-service"];
            rows.Add((r["vpc-id"], behindNat ? "NAT gateway" : "internet gateway", resource, client, service, r.GetInt64("bytes") ?? 0, r.GetInt64("packets") ?? 0));
        }
        return rows.GroupBy(x => (x.Vpc, x.Route, x.Resource, x.Client, x.Service))
            .Select(g => (g.Key, Bytes: g.Sum(x => x.Bytes), Packets: g.Sum(x => x.Packets), Flows: (long)g.Count()))
            .OrderByDescending(x => x.Bytes).ThenByDescending(x => x.Packets).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.Vpc, NullsLast).ThenBy(x => x.Key.Route, NullsLast).ThenBy(x => x.Key.Resource, NullsLast)
            .ThenBy(x => x.Key.Client, NullsLast).ThenBy(x => x.Key.Service, NullsLast)
            .Select(x => new object?[] { x.Key.Vpc, x.Key.Route, x.Key.Resource, x.Key.Client, x.Key.Service, x.Bytes, x.Packets, x.Flows })
            .ToList();
    }

    public static List<object?[]> NextHopTypes(IEnumerable<FlowRecord> records) =>
        WithShares(records.Where(r => r.LoggedData)
            .GroupBy(r => (Direction: r["flow-direction"], Type: r["next-hop-interface-type"] ?? (r["next-hop-interface-id"] is null ? "none" : "untyped interface")))
            .Select(g => (g.Key.Direction, g.Key.Type, Totals: Totals(g))))
        .OrderBy(x => x.Direction, NullsLast).ThenByDescending(x => x.Totals.Bytes).ThenByDescending(x => x.Totals.Packets)
        .ThenByDescending(x => x.Totals.Flows).ThenBy(x => x.Key, NullsLast)
        .Select(x => new object?[] { x.Direction, x.Key, x.Totals.Bytes, x.Totals.Packets, x.Totals.Flows, x.Share })
        .ToList();

    public static bool IsGatewayService(string? service) => service is not null && GatewayEndpointServices.Contains(service);

    private static bool Differ(string? a, string? b) => a is not null && b is not null && a != b;

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
}
