using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// egress-cost on hand-written records of one instance in us-east-1 whose class and cost were worked out by hand from
/// AWS's price list (us-east-1: internet $0.09/GB, another region $0.02, cross-AZ $0.01 each way, a public address in
/// the region $0.01, same-region S3 and DynamoDB and same-AZ traffic free, CloudFront origin traffic free): S3 and
/// DynamoDB in the region (through the internet gateway and a gateway endpoint), S3 in another region (IPv4 and IPv6),
/// EC2 in the region, inter-region peering, same-AZ peering, cross-AZ in the VPC, CloudFront and the internet. Each
/// record's bytes are whole GiB so each cost is GB × price exactly.
/// </summary>
public sealed class EgressHandWrittenTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);

    private static readonly FlowLogFormat Format = FlowLogFormat.Parse(
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} "
        + "${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${az-id} ${flow-direction} ${traffic-path} ${pkt-dstaddr} "
        + "${pkt-dst-aws-service} ${next-hop-az-id}");

    private const long T = 1793578200; // 2026-11-02T00:10:00Z
    private const long GiB = 1L << 30;
    private const string Account = "111111111111", Vpc = "vpc-0aaaaaaaaaaaaaaaa", Subnet = "subnet-0aaaaaaaaaaaaaaaa", Instance = "i-0aaaaaaaaaaaaaaaa";

    private static readonly IReadOnlyList<IpRangesJson.Entry> Ranges = IpRangesJson.ForGenerator();

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static string Line(string destination, long gib, int? path, string? service, string? nextHopAz = null, string direction = "egress",
        string action = "ACCEPT") =>
        $"5 {Account} eni-0aaaaaaaaaaaaaaaa 10.0.1.5 {destination} 40000 443 6 1000 {gib * GiB} {T} {T + 60} {action} OK {Vpc} {Subnet} {Instance} use1-az1 "
        + $"{direction} {path?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {destination} {service ?? "-"} {nextHopAz ?? "-"}";

    private FlowLogSource Write()
    {
        string[] lines =
        [
            Line("52.216.5.5", 10, 8, "S3"), // S3 in us-east-1 through the internet gateway
            Line("52.94.1.2", 5, 7, "DYNAMODB"), // DynamoDB through a gateway endpoint
            Line("3.5.3.3", 4, 8, "S3"), // S3 in eu-west-1
            Line("2a05:d018::10", 1, 8, "S3"), // S3 in eu-west-1, over IPv6
            Line("10.20.0.5", 3, 5, null), // a VPC in another region, through peering
            Line("10.30.0.5", 2, 4, null, "use1-az1"), // a peered VPC in the same AZ
            Line("10.0.2.5", 7, 1, null, "use1-az2"), // the same VPC, another AZ
            Line("198.51.100.7", 6, 8, null), // the internet
            Line("13.32.1.1", 1, 8, "CLOUDFRONT"), // CloudFront (GLOBAL)
            Line("3.80.1.1", 8, 8, "EC2"), // an EC2 public address in us-east-1
            Line("198.51.100.7", 50, null, null, direction: "ingress"), // ingress: not egress
            Line("198.51.100.8", 50, 8, null, action: "REJECT"), // rejected: nothing sent
        ];
        _root.WriteGzip($"logs/AWSLogs/{Account}/vpcflowlogs/us-east-1/2026/11/02/{Account}_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0105Z_abcd1234.log.gz",
            string.Join(' ', Format.Fields.Select(f => f.Name)), lines);
        return new FlowLogSource(_root.Combine("logs"), Format, SourceLayout.DefaultLayout);
    }

    private static async Task<List<object?[]>> RunAsync(FlowLogSource source, Dictionary<string, string> parameters, bool ranges)
    {
        var index = ranges ? AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(Ranges), "ranges.json")) : null;
        var rows = (await LocalPaths.RunAsync(Catalog.Get("egress-cost"), parameters, source, TimeWindow.Parse("2026-11-02", "2026-11-03"), index)).Rows;
        // class, service, destination region, bytes, GB, price, cost
        return rows.Select(r => new[] { r[6], r[7], r[8], r[9], r[10], r[11], r[12] }).ToList();
    }

    private static object?[] Row(string egressClass, string? service, string? region, long gib, decimal price) =>
        [egressClass, service, region, gib * GiB, (decimal)gib, price, gib * price];

    [Fact]
    public async Task Each_destination_gets_the_class_and_cost_worked_out_from_aws_price_list()
    {
        var rows = await RunAsync(Write(), [], ranges: true);

        ReferenceCheck.AssertRows("egress-cost by hand", rows,
        [
            Row("internet", null, null, 6, 0.09m),
            Row("other-region-aws", "S3", "eu-west-1", 5, 0.02m),
            Row("same-region-aws", "EC2", "us-east-1", 8, 0.01m),
            Row("cross-az", null, null, 7, 0.01m),
            Row("inter-region-peering", null, null, 3, 0.02m),
            Row("same-region-free-service", "S3", "us-east-1", 10, 0m),
            Row("same-region-free-service", "DYNAMODB", "us-east-1", 5, 0m),
            Row("same-az", null, null, 2, 0m),
            Row("cloudfront", "CLOUDFRONT", "GLOBAL", 1, 0m),
        ]);
    }

    [Fact]
    public async Task Each_row_says_why_it_got_its_class_and_its_price()
    {
        var source = Write();
        var rows = (await LocalPaths.RunAsync(Catalog.Get("egress-cost"), new Dictionary<string, string>(), source, TimeWindow.Parse("2026-11-02", "2026-11-03"),
            AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(Ranges), "ranges.json")))).Rows;
        var byClass = rows.ToDictionary(r => $"{r[6]} {r[7]}", r => (Source: (string)r[13]!, Reason: (string)r[14]!));

        Assert.Equal("S3 in us-east-1, the sender's region", byClass["same-region-free-service S3"].Reason);
        Assert.StartsWith("AWS list price: transfer between EC2 and S3", byClass["same-region-free-service S3"].Source, StringComparison.Ordinal);
        Assert.Equal("S3 address in eu-west-1, another region", byClass["other-region-aws S3"].Reason);
        Assert.Contains("https://aws.amazon.com/ec2/pricing/on-demand/", byClass["other-region-aws S3"].Source, StringComparison.Ordinal);
        Assert.Equal("traffic-path 5: inter-region VPC peering", byClass["inter-region-peering "].Reason);
        Assert.Equal("private (traffic-path 1 or 4) to a next hop in another AZ (next-hop-az-id is not az-id)", byClass["cross-az "].Reason);
        Assert.Equal("traffic-path 2 or 8 (internet gateway) to an address outside AWS's ranges", byClass["internet "].Reason);
        Assert.Contains("$0.09/GB out to the internet", byClass["internet "].Source, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Matches(@"\(https://aws\.amazon\.com/[a-z0-9/-]+/", (string)r[13]!));
    }

    [Fact]
    public async Task A_prices_file_replaces_the_classes_it_lists_and_says_so()
    {
        var prices = _root.Touch("prices.csv", "egress_class,usd_per_gb\ninternet,0.05\nsame-region-free-service,0.001\n");

        var rows = await RunAsync(Write(), new() { ["prices"] = prices }, ranges: true);

        Assert.Equal(Row("internet", null, null, 6, 0.05m), rows.Single(r => (string)r[0]! == "internet"));
        Assert.Equal(Row("same-region-free-service", "S3", "us-east-1", 10, 0.001m), rows.Single(r => (string?)r[1] == "S3" && (string?)r[2] == "us-east-1"));
        Assert.Equal(Row("other-region-aws", "S3", "eu-west-1", 5, 0.02m), rows.Single(r => (string)r[0]! == "other-region-aws"));
    }

    [Fact]
    public async Task Without_ranges_aws_destinations_are_told_only_by_pkt_dst_aws_service()
    {
        var rows = await RunAsync(Write(), [], ranges: false);

        // No region for S3 (either), EC2 and CloudFront: priced as another region, the most AWS charges between its own addresses.
        Assert.Equal(Row("aws-unknown-region", "S3", null, 15, 0.02m), rows.Single(r => (string)r[0]! == "aws-unknown-region" && (string?)r[1] == "S3"));
        Assert.Equal(Row("aws-unknown-region", "EC2", null, 8, 0.02m), rows.Single(r => (string?)r[1] == "EC2"));
        Assert.Equal(Row("same-region-free-service", "DYNAMODB", null, 5, 0m), rows.Single(r => (string?)r[1] == "DYNAMODB"));
        Assert.Equal(Row("internet", null, null, 6, 0.09m), rows.Single(r => (string)r[0]! == "internet"));
    }

    [Theory]
    [InlineData("egress_class,usd_per_gb\ninternett,0.05\n", "egress_class 'internett' is not one of same-az")]
    [InlineData("egress_class,usd_per_gb\ninternet,-0.05\n", "usd_per_gb '-0.05' is below 0")]
    [InlineData("egress_class,usd_per_gb\ninternet,cheap\n", "usd_per_gb 'cheap' is not a decimal number")]
    [InlineData("egress_class,usd_per_gb\ninternet,0.05\ninternet,0.06\n", "egress_class 'internet' appears again (first on line 2)")]
    [InlineData("class,price\ninternet,0.05\n", "the header lacks column 'egress_class'")]
    public async Task A_bad_prices_file_is_refused_naming_its_line(string content, string reason)
    {
        var prices = _root.Touch("prices.csv", content);

        var error = await Assert.ThrowsAsync<QueryParameterException>(() => RunAsync(Write(), new() { ["prices"] = prices }, ranges: true));

        Assert.Equal("prices", error.Parameter);
        Assert.Contains(prices, error.Message);
        Assert.Contains(reason, error.Message);
    }
}
