using static FlowLogAthena.Local.Tests.Semantics.NullOrder;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// cost/egress-cost computed in plain C# from the generated records: each accepted egress record classified by where it
/// goes (traffic-path, AZs, pkt-dst-aws-service, and the independent ranges lookup), priced from AWS's us-east-1 list
/// prices as this test states them (or the test's prices file), GB and cost as <see cref="ReferenceCost"/> computes them.
/// </summary>
public static class ReferenceEgress
{
    /// <summary>AWS's list prices per class, with the pricing page each default must cite.</summary>
    public static readonly IReadOnlyDictionary<string, (decimal Price, string Page)> ListPrices = new Dictionary<string, (decimal, string)>
    {
        ["same-az"] = (0m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["cross-az"] = (0.01m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["same-region-free-service"] = (0m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["same-region-aws"] = (0.01m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["other-region-aws"] = (0.02m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["aws-unknown-region"] = (0.02m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["inter-region-peering"] = (0.02m, "https://aws.amazon.com/vpc/pricing/"),
        ["internet"] = (0.09m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["cloudfront"] = (0m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["aws-global"] = (0.09m, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        ["virtual-private-gateway"] = (0.09m, "https://aws.amazon.com/vpn/pricing/"),
        ["local-gateway"] = (0m, "none"),
        ["az-unknown"] = (0m, "none"),
        ["unknown"] = (0m, "none"),
    };

    public sealed record Record(string Region, FlowRecord Values);

    public static string Class(Record record, IReadOnlyList<IpRangesJson.Entry>? ranges, out string? service, out string? destinationRegion)
    {
        var r = record.Values;
        var destination = (r.Has("pkt-dstaddr") ? r["pkt-dstaddr"] : null) ?? r["dstaddr"];
        var logged = r.Has("pkt-dst-aws-service") ? r["pkt-dst-aws-service"] : null;
        var match = ranges is not null && destination is not null ? IpRangesReference.Lookup(ranges, destination) : null;
        service = match?.Service ?? logged;
        destinationRegion = match?.Region;
        bool? sameAz = r.Has("az-id") && r.Has("next-hop-az-id") && r["az-id"] is { } az && r["next-hop-az-id"] is { } hop ? az == hop : null;
        string[] free = ["S3", "DYNAMODB", "EBS"];
        return r.GetInt32("traffic-path") switch
        {
            5 => "inter-region-peering",
            1 or 4 => sameAz switch { true => "same-az", false => "cross-az", null => "az-unknown" },
            3 => "virtual-private-gateway",
            6 => "local-gateway",
            7 => "same-region-free-service",
            var path => destinationRegion == record.Region ? (free.Contains(service) || free.Contains(logged) ? "same-region-free-service" : "same-region-aws")
                : destinationRegion == "GLOBAL" ? (service == "CLOUDFRONT" ? "cloudfront" : "aws-global")
                : destinationRegion is not null ? "other-region-aws"
                : logged is not null ? "aws-unknown-region"
                : path is 2 or 8 ? "internet"
                : "unknown",
        };
    }

    /// <summary>The rows, price_source shown as the page it cites ('prices file' for the file's prices; see <see cref="CitedPage"/>).</summary>
    public static List<object?[]> EgressCost(IEnumerable<Record> records, IReadOnlyList<IpRangesJson.Entry>? ranges,
        IReadOnlyDictionary<string, decimal>? prices = null, IReadOnlyDictionary<string, string>? map = null, bool decimalGb = false) =>
        records.Where(x => x.Values.LoggedData && x.Values["flow-direction"] == "egress" && x.Values["action"] == "ACCEPT")
            .GroupBy(x =>
            {
                var r = x.Values;
                var (costCenter, source) = ReferenceCost.CostCenter(r, map);
                var egressClass = Class(x, ranges, out var service, out var region);
                return (Account: r["account-id"], Vpc: r["vpc-id"], Subnet: r["subnet-id"], Instance: r["instance-id"], costCenter, source, egressClass, service, region);
            })
            .Select(g =>
            {
                var bytes = g.Sum(x => x.Values.GetInt64("bytes") ?? 0);
                var gb = ReferenceCost.Gb(bytes, decimalGb);
                var fromFile = prices is not null && prices.ContainsKey(g.Key.egressClass);
                var price = fromFile ? prices![g.Key.egressClass] : ListPrices[g.Key.egressClass].Price;
                return (g.Key, Bytes: bytes, Gb: gb, Price: price, Cost: ReferenceCost.Cost(gb, price),
                    Source: fromFile ? "prices file" : ListPrices[g.Key.egressClass].Page);
            })
            .OrderByDescending(x => x.Cost).ThenByDescending(x => x.Bytes)
            .ThenBy(x => x.Key.Account, NullsLast).ThenBy(x => x.Key.Vpc, NullsLast).ThenBy(x => x.Key.Subnet, NullsLast)
            .ThenBy(x => x.Key.Instance, NullsLast).ThenBy(x => x.Key.costCenter, NullsLast).ThenBy(x => x.Key.source, NullsLast)
            .ThenBy(x => x.Key.egressClass, NullsLast).ThenBy(x => x.Key.service, NullsLast).ThenBy(x => x.Key.region, NullsLast)
            .Select(x => new object?[]
            {
                x.Key.Account, x.Key.Vpc, x.Key.Subnet, x.Key.Instance, x.Key.costCenter, x.Key.source, x.Key.egressClass, x.Key.service, x.Key.region,
                x.Bytes, x.Gb, x.Price, x.Cost, x.Source,
            })
            .ToList();

    /// <summary>The query's rows with price_source reduced to the page it cites and the reason dropped, to compare with the reference.</summary>
    public static List<object?[]> Comparable(IEnumerable<object?[]> rows) =>
        rows.Select(r => r.Take(13).Append(CitedPage((string)r[13]!)).ToArray()).ToList();

    private static string CitedPage(string priceSource) =>
        priceSource == "prices file" ? priceSource
            : priceSource.IndexOf("https://", StringComparison.Ordinal) is var at and >= 0 ? priceSource[at..].Split(',', ' ', ')')[0]
            : "none";
}
