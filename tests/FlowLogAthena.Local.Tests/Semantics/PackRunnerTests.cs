namespace FlowLogAthena.Local.Tests.Semantics;

public sealed class PackRunnerTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private async Task<FlowLogSource> GenerateAsync(FlowLogFormat format)
    {
        var options = new GeneratorOptions { Root = _root.Combine("logs"), Format = format, Records = 10_000, Window = TimeWindow.Parse("2026-11-02", "2026-11-03") };
        await FlowLogGenerator.GenerateAsync(options);
        return new FlowLogSource(options.Root, format, options.Layout);
    }

    [Fact]
    public async Task Every_query_of_every_pack_writes_its_CSV_and_each_pack_a_summary()
    {
        var format = FlowLogFormat.AllVpcFields;
        var source = await GenerateAsync(format);
        var output = _root.Combine("out");
        var ranges = Core.IpRanges.AwsAddressIndex.Build(Core.IpRanges.AwsIpRanges.Parse(IpRangesJson.Text(IpRangesJson.ForGenerator()), "generator ranges"));
        var inventory = _root.Combine("inventory");
        await Core.Inventory.InventorySnapshot.WriteLocalAsync(inventory, DateTimeOffset.UnixEpoch, [], CancellationToken.None);
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { IpRanges = new(ranges), InventorySnapshot = Core.Inventory.InventorySnapshot.LocalSnapshots(inventory)[^1] },
            new LocalLogFileLister());

        var outcomes = await new PackRunner(new BoundTable(engine, source, TimeWindow.Parse("2026-11-02", "2026-11-03"), ownsEngine: false)).RunAsync(Catalog.All,
            new Dictionary<string, string>
            {
                ["limit"] = "5",
                ["address"] = "10.0.0.1",
                ["address_a"] = "10.0.0.1",
                ["address_b"] = "0.0.0.0/0",
                ["allowed_egress_cidrs"] = "0.0.0.0/0",
                ["forbidden_cidrs"] = "192.0.2.0/24",
            },
            output, null, CancellationToken.None);

        // Every VPC query runs; the transit pack reads Transit Gateway logs and says so.
        Assert.All(outcomes, o => Assert.True(o.Query.Kind == FlowLogKind.Vpc ? o.Status == QueryStatus.Ok
            : o.Status == QueryStatus.Skipped && o.Reason == $"Query '{o.Query.Id}' reads Transit Gateway flow logs, and the log format is a VPC flow log's.",
            $"{o.Query.Id}: {o.Status} {o.Reason}"));
        Assert.Equal(Catalog.All.Count, outcomes.Count);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(output, "traffic", "top-talkers.csv")).Length); // header + limit 5, applied pack-wide
        var summary = File.ReadAllLines(Path.Combine(output, "traffic", "summary.csv"));
        Assert.Equal("query,status,rows,seconds,file,reason", summary[0]);
        var topTalkers = Assert.Single(summary, l => l.StartsWith("top-talkers,", StringComparison.Ordinal));
        Assert.StartsWith("top-talkers,ok,5,", topTalkers);
        Assert.EndsWith(",top-talkers.csv,", topTalkers);
        Assert.True(File.Exists(Path.Combine(output, "security", "summary.csv")));
    }

    [Fact]
    public async Task A_query_whose_fields_the_format_lacks_is_skipped_with_its_reason_and_the_rest_still_run()
    {
        var source = await GenerateAsync(FlowLogFormat.Default);
        var output = _root.Combine("out");
        await using var engine = new DuckDbEngine();

        var outcomes = await new PackRunner(new BoundTable(engine, source, TimeWindow.Parse("2026-11-02", "2026-11-03"), ownsEngine: false))
            .RunAsync([.. Catalog.InPack("traffic"), .. Catalog.InPack("paths")], new Dictionary<string, string>(), output, null, CancellationToken.None);

        var skipped = outcomes.Where(o => o.Status == QueryStatus.Skipped).ToDictionary(o => o.Query.Id, o => o.Reason);
        Assert.Contains("flow-direction", skipped["traffic-path"]);
        Assert.Contains("--param address=", skipped["traffic-from-address"]); // a required parameter nobody gave
        Assert.Equal(
            Catalog.InPack("paths").Select(q => q.Id) // the paths pack needs v5 fields
                .Concat(["conversation", "top-instances", "top-sources-packet-level", "top-subnets", "top-talkers-packet-level", "top-vpcs",
                    "traffic-by-owner", "traffic-from-address", "traffic-to-address"])
                .Order(StringComparer.Ordinal),
            skipped.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outcomes, o => o.Status == QueryStatus.Failed);
        Assert.Contains(outcomes, o => o.Query.Id == "top-talkers" && o.Status == QueryStatus.Ok && o.Rows == 10);
        Assert.False(File.Exists(Path.Combine(output, "paths", "traffic-path.csv")));
        Assert.Contains(File.ReadAllLines(Path.Combine(output, "paths", "summary.csv")), l => l.StartsWith("traffic-path,skipped,0,0,,\"Query 'traffic-path' needs", StringComparison.Ordinal));
    }

    /// <summary>On a Transit Gateway flow log each VPC query is skipped, saying so, the transit pack runs, and nothing fails.</summary>
    [Fact]
    public async Task On_a_transit_gateway_flow_log_the_vpc_queries_are_skipped_naming_both_kinds_and_the_transit_pack_runs()
    {
        var format = FlowLogFormat.TransitGatewayDefault;
        _root.WriteGzip("logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/02/123456789012_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0005Z_abcd1234.log.gz",
            string.Join(' ', format.Fields.Select(f => f.Name)),
            "6 TransitGateway 123456789012 tgw-0123456789abcdef0 tgw-attach-0aaaaaaaaaaaaaaa1 111122223333 444455556666 vpc-0aaaaaaaaaaaaaaa1 "
            + "vpc-0bbbbbbbbbbbbbbb2 subnet-0aaaaaaaaaaaaaaa1 subnet-0bbbbbbbbbbbbbbb2 eni-0aaaaaaaaaaaaaaa1 eni-0bbbbbbbbbbbbbbb2 use1-az1 use1-az2 "
            + "tgw-attach-0bbbbbbbbbbbbbbb2 10.0.1.10 10.1.2.20 49152 443 6 10 8400 1793577700 1793577760 OK IPv4 0 0 0 0 19 us-east-1 ingress - -");
        var source = new FlowLogSource(_root.Combine("logs"), format, SourceLayout.DefaultLayout);
        var output = _root.Combine("out");
        await using var engine = new DuckDbEngine();

        var outcomes = await new PackRunner(new BoundTable(engine, source, TimeWindow.Parse("2026-11-02", "2026-11-03"), ownsEngine: false))
            .RunAsync(Catalog.All, new Dictionary<string, string>(), output, null, CancellationToken.None);

        Assert.Equal(Catalog.All.Count, outcomes.Count);
        Assert.All(outcomes.Where(o => o.Query.Kind == FlowLogKind.Vpc), o =>
        {
            Assert.Equal(QueryStatus.Skipped, o.Status);
            Assert.Equal($"Query '{o.Query.Id}' reads VPC flow logs, and the log format is a Transit Gateway flow log's.", o.Reason);
        });
        var transit = outcomes.Where(o => o.Query.Kind == FlowLogKind.TransitGateway).ToList();
        Assert.Equal(7, transit.Count);
        Assert.All(transit, o => Assert.Equal(QueryStatus.Ok, o.Status));
        Assert.Contains(transit, o => o.Query.Id == "vpc-pairs" && o.Rows == 1);
        Assert.Contains(File.ReadAllLines(Path.Combine(output, "traffic", "summary.csv")),
            l => l.StartsWith("top-talkers,skipped,0,0,,\"Query 'top-talkers' reads VPC flow logs", StringComparison.Ordinal));
    }
}
