using System.Numerics;

using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The cost pack's queries computed in plain C# from the generated records, money in <see cref="decimal"/>:
/// GB are exact integers of nano-GB (BigInteger, rounded half up), cost is GB × price rounded half up to 6 places.
/// </summary>
public static class ReferenceCost
{
    public sealed record Prices(decimal CrossAz = 0.01m, decimal NatGateway = 0.045m, bool DecimalGb = false);

    /// <summary>bytes / 2^30 (or / 10^9) rounded half up to 9 decimal places, computed on integers.</summary>
    public static decimal Gb(long bytes, bool decimalGb)
    {
        if (decimalGb) return bytes / 1_000_000_000m;
        var nano = ((new BigInteger(bytes) * 2_000_000_000) + (BigInteger.One << 30)) / (BigInteger.One << 31);
        return (decimal)nano / 1_000_000_000m;
    }

    public static decimal Cost(decimal gb, decimal usdPerGb) => Math.Round(gb * usdPerGb, 6, MidpointRounding.AwayFromZero);

    /// <summary>The first tag field the record has a value in, then the mapping by instance, subnet and VPC id.</summary>
    public static (string CostCenter, string Source) CostCenter(FlowRecord r, IReadOnlyDictionary<string, string>? map)
    {
        foreach (var tag in new[] { "instance-tag", "interface-tag", "asg-tag" })
            if (r.Has(tag) && r[tag] is { } value) return (value, tag);
        foreach (var (field, source) in new[] { ("instance-id", "map-instance"), ("subnet-id", "map-subnet"), ("vpc-id", "map-vpc") })
            if (map is not null && r[field] is { } id && map.TryGetValue(id, out var mapped)) return (mapped, source);
        return ("unallocated", "none");
    }

    public static List<object?[]> CrossAz(IEnumerable<FlowRecord> records, Prices prices) =>
        records.Where(r => r.LoggedData && r["action"] == "ACCEPT" && r["flow-direction"] is "egress" or "ingress"
                && r["az-id"] is { } az && r["next-hop-az-id"] is { } hop && az != hop)
            .GroupBy(r => r["flow-direction"] == "egress"
                ? (Vpc: r["vpc-id"], Source: r["az-id"], Destination: r["next-hop-az-id"])
                : (Vpc: r["vpc-id"], Source: r["next-hop-az-id"], Destination: r["az-id"]))
            .Select(g =>
            {
                var bytes = g.Sum(r => r.GetInt64("bytes") ?? 0);
                var gb = Gb(bytes, prices.DecimalGb);
                return (g.Key, Flows: (long)g.Count(), Bytes: bytes, Gb: gb, Cost: Cost(gb, prices.CrossAz));
            })
            .OrderByDescending(x => x.Cost).ThenByDescending(x => x.Bytes).ThenByDescending(x => x.Flows)
            .ThenBy(x => x.Key.Vpc, NullsLast).ThenBy(x => x.Key.Source, NullsLast).ThenBy(x => x.Key.Destination, NullsLast)
            .Select(x => new object?[] { x.Key.Vpc, x.Key.Source, x.Key.Destination, x.Flows, x.Bytes, x.Gb, prices.CrossAz, x.Cost })
            .ToList();

    /// <summary>
    /// The inside legs of NAT gateway records: instance to gateway (pkt-dstaddr is the internet host, the instance is
    /// srcaddr) and gateway to instance (pkt-srcaddr is the internet host, the instance is dstaddr).
    /// </summary>
    public static List<object?[]> NatGatewayCost(IEnumerable<FlowRecord> records, Prices prices)
    {
        var list = records.Where(r => r.LoggedData).ToList();
        var owners = list.Where(r => r["instance-id"] is not null && r["flow-direction"] is "egress" or "ingress")
            .GroupBy(r => (Vpc: r["vpc-id"], Address: r["flow-direction"] == "egress" ? r["srcaddr"] : r["dstaddr"]))
            .ToDictionary(g => g.Key, g => g.Select(r => (Instance: r["instance-id"]!, Subnet: r["subnet-id"]))
                .OrderBy(o => o.Instance, StringComparer.Ordinal).ThenBy(o => o.Subnet, NullsLast).First());
        return list.Where(r => r["action"] == "ACCEPT" && r["interface-type"] is "nat_gateway" or "regional_nat_gateway")
            .Select(r => (Record: r, ToInternet: Differ(r["pkt-dstaddr"], r["dstaddr"]), FromInternet: Differ(r["pkt-srcaddr"], r["srcaddr"])))
            .Where(x => x.ToInternet || x.FromInternet)
            .GroupBy(x => (
                Account: x.Record["account-id"],
                Vpc: x.Record["vpc-id"],
                Gateway: (x.Record.Has("resource-id") ? x.Record["resource-id"] : null) ?? x.Record["interface-id"],
                Address: x.ToInternet ? x.Record["srcaddr"] : x.Record["dstaddr"]))
            .Select(g =>
            {
                var to = g.Where(x => x.ToInternet).Sum(x => x.Record.GetInt64("bytes") ?? 0);
                var from = g.Where(x => !x.ToInternet).Sum(x => x.Record.GetInt64("bytes") ?? 0);
                var owner = owners.TryGetValue((g.Key.Vpc, g.Key.Address), out var o) ? o : default;
                var gb = Gb(to + from, prices.DecimalGb);
                return (g.Key, owner.Instance, owner.Subnet, To: to, From: from, Gb: gb, Cost: Cost(gb, prices.NatGateway));
            })
            .OrderByDescending(x => x.Cost).ThenByDescending(x => x.To).ThenByDescending(x => x.From)
            .ThenBy(x => x.Key.Account, NullsLast).ThenBy(x => x.Key.Vpc, NullsLast).ThenBy(x => x.Key.Gateway, NullsLast)
            .ThenBy(x => x.Key.Address, NullsLast)
            .Select(x => new object?[]
            {
                x.Key.Account, x.Key.Vpc, x.Key.Gateway, x.Key.Address, x.Instance, x.Subnet, x.To, x.From, x.Gb, prices.NatGateway, x.Cost,
            })
            .ToList();
    }

    /// <summary>SQL's <c>a &lt;&gt; b</c> in a WHERE: true only when both are present and differ.</summary>
    private static bool Differ(string? a, string? b) => a is not null && b is not null && a != b;
}
