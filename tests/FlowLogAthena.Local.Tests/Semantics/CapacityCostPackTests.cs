using System.Globalization;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The capacity and cost packs, run on DuckDB over generated logs, equal the references computed in C# from the
/// generated records (money compared as exact decimals), with tags from the format or cost centers from a CSV.
/// </summary>
public sealed class CapacityCostPackTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static readonly string EveryField = FlowLogFormat.AllVpcFields.FormatString;

    /// <summary>What the capacity and cost queries read, tags and v11 fields included.</summary>
    private const string CostFields =
        "${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${packets} ${bytes} ${start} ${action} ${log-status} ${vpc-id} ${subnet-id} "
        + "${instance-id} ${pkt-srcaddr} ${pkt-dstaddr} ${az-id} ${pkt-dst-aws-service} ${flow-direction} ${traffic-path} ${resource-id} ${instance-tag} "
        + "${interface-tag} ${asg-tag} ${interface-type} ${next-hop-az-id}";

    /// <summary>v5 without tags or log-status: cost centers must come from the CSV.</summary>
    private const string V5WithoutTags =
        "${account-id} ${vpc-id} ${subnet-id} ${instance-id} ${srcaddr} ${dstaddr} ${packets} ${bytes} ${start} ${action} ${flow-direction} ${traffic-path} ${pkt-dst-aws-service}";

    public static TheoryData<string, string, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        { "all 54 fields text", EveryField, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text },
        { "cost fields parquet hive hourly", CostFields, PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet },
        { "v5 without tags or log-status", V5WithoutTags, PrefixStyle.Default, Partitioning.Hourly, LogFileFormat.Text },
    };

    private sealed record Generated(GeneratorOptions Options, FlowLogSource Source, TimeWindow Window, List<FlowRecord> Records)
    {
        public List<ReferenceEgress.Record> Regional => [.. new GeneratedLogs(Options).RegionalRecordsIn(Window).Select(x => new ReferenceEgress.Record(x.Region, x.Record))];
    }

    private static readonly IReadOnlyList<IpRangesJson.Entry> Ranges = IpRangesJson.ForGenerator();

    private static readonly AwsAddressIndex RangesIndex = AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(Ranges), "generator ranges"));

    private async Task<Generated> GenerateAsync(string name, string format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat,
        bool plantFindings = true)
    {
        var options = new GeneratorOptions
        {
            Root = _root.Combine(plantFindings ? "planted" : "clean"),
            Format = FlowLogFormat.Parse(format),
            Layout = new SourceLayout(prefix, partitioning, fileFormat),
            Window = TimeWindow.Parse("2026-11-01", "2026-11-05"),
            Records = 30_000,
            FilesPerPartition = 2,
            Seed = name.Length + 7,
            PlantFindings = plantFindings,
        };
        await FlowLogGenerator.GenerateAsync(options);
        var window = partitioning == Partitioning.Hourly
            ? TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z")
            : TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        Assert.NotEmpty(records);
        return new Generated(options, new FlowLogSource(options.Root, options.Format, options.Layout), window, records);
    }

    private static Task<List<object?[]>> RunAsync(Generated data, string id, Dictionary<string, string>? given = null) =>
        ReferenceCheck.RowsAsync(Catalog.Get(id), data.Source, data.Window, given);

    /// <summary>egress-cost against its reference, price_source compared by the page it cites.</summary>
    private static async Task AssertEgress(Generated data, string name, List<object?[]> expected, Dictionary<string, string> given, AwsAddressIndex? ranges)
    {
        Assert.True(expected.Count > 1, $"{name}: the reference should have several rows");
        var rows = await ReferenceCheck.RowsAsync(Catalog.Get("egress-cost"), data.Source, data.Window, given, ranges);
        ReferenceCheck.AssertRows($"{name} egress-cost{(ranges is null ? "" : " with ranges")}", ReferenceEgress.Comparable(rows), expected);
    }

    private static Task AssertQuery(Generated data, string name, string id, List<object?[]> expected, Dictionary<string, string>? given = null) =>
        ReferenceCheck.AssertEqualAsync($"{name} {id}", Catalog.Get(id), data.Source, data.Window, expected, given);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Capacity_and_cost_queries_equal_the_reference(string name, string format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var data = await GenerateAsync(name, format, prefix, partitioning, fileFormat);

        await AssertQuery(data, name, "hourly-traffic", ReferenceCapacity.HourlyTraffic(data.Records));
        await AssertQuery(data, name, "hourly-traffic", ReferenceCapacity.HourlyTraffic(data.Records, "instance"), new() { ["capacity_levels"] = "instance" });
        var peaks = ReferenceCapacity.CapacityPeaks(data.Records, data.Window);
        await AssertQuery(data, name, "capacity-peaks", peaks);
        await AssertQuery(data, name, "capacity-peaks", ReferenceCapacity.CapacityPeaks(data.Records, data.Window, "vpc", "subnet"),
            new() { ["capacity_levels"] = "subnet,vpc" });

        // The p95 is not trivially the peak or zero: busy resources have a p95 below their peak, quiet ones 0.
        Assert.Contains(peaks, r => (long)r[9]! > 0 && (long)r[9]! < (long)r[7]!);
        Assert.Contains(peaks, r => (long)r[9]! == 0);

        var map = CostCenterMap(data.Records);
        var csv = WriteCsv(map);

        var regional = data.Regional;
        await AssertEgress(data, name, ReferenceEgress.EgressCost(regional, null), [], null);
        var classified = ReferenceEgress.EgressCost(regional, Ranges, map: map);
        await AssertEgress(data, name, classified, new() { ["cost_center_map"] = csv }, RangesIndex);
        var prices = new Dictionary<string, decimal> { ["internet"] = 0.0537m, ["other-region-aws"] = 0.08m, ["same-region-free-service"] = 0.000123m };
        var pricesCsv = _root.Touch($"prices-{name.Length}.csv", "egress_class,usd_per_gb\ninternet,0.0537\nother-region-aws,0.08\nsame-region-free-service,0.000123\n");
        await AssertEgress(data, name, ReferenceEgress.EgressCost(regional, Ranges, prices, map, decimalGb: true), new()
        {
            ["cost_center_map"] = csv,
            ["prices"] = pricesCsv,
            ["gb_unit"] = "decimal",
        }, RangesIndex);

        var sources = classified.Select(r => (string)r[5]!).ToHashSet();
        if (data.Options.Format.Contains("instance-tag"))
            Assert.Contains("instance-tag", sources);
        else
            Assert.Superset(new HashSet<string> { "map-instance", "map-subnet", "map-vpc", "none" }, sources);
        // The generated traffic reaches every kind of destination the ranges tell apart, each priced.
        var classes = classified.GroupBy(r => (string)r[6]!).ToDictionary(g => g.Key, g => g.Sum(r => (decimal)r[12]!));
        Assert.Superset(new HashSet<string> { "internet", "same-region-free-service", "other-region-aws", "same-region-aws", "cloudfront", "inter-region-peering" },
            classes.Keys.ToHashSet());
        Assert.True(classes["internet"] > 0 && classes["other-region-aws"] > 0 && classes["same-region-aws"] > 0 && classes["inter-region-peering"] > 0);
        Assert.Equal(0m, classes["same-region-free-service"]);
        Assert.Contains(data.Options.Format.Contains("next-hop-az-id") ? "cross-az" : "az-unknown", classes.Keys);

        if (!Catalog.Get("cross-az-cost").RequiresFields.All(data.Options.Format.Contains))
        {
            Assert.False(Catalog.Get("nat-gateway-cost").RequiresFields.All(data.Options.Format.Contains));
            return; // the v11 queries need next-hop-az-id and interface-type
        }

        await AssertQuery(data, name, "cross-az-cost", ReferenceCost.CrossAz(data.Records, new()));
        await AssertQuery(data, name, "cross-az-cost", ReferenceCost.CrossAz(data.Records, new(CrossAz: 0.02m, DecimalGb: true)),
            new() { ["cross_az_usd_per_gb"] = "0.02", ["gb_unit"] = "decimal" });
        var nat = ReferenceCost.NatGatewayCost(data.Records, new());
        await AssertQuery(data, name, "nat-gateway-cost", nat);
        await AssertQuery(data, name, "nat-gateway-cost", ReferenceCost.NatGatewayCost(data.Records, new(NatGateway: 0.059m)),
            new() { ["nat_gateway_usd_per_gb"] = "0.059" });

        // Both kinds of gateway are attributed, and most of their bytes to a named instance.
        Assert.Contains(nat, r => ((string)r[2]!).StartsWith("nat-", StringComparison.Ordinal) && r[4] is not null);
        Assert.Contains(nat, r => ((string)r[2]!).StartsWith("eni-", StringComparison.Ordinal) && r[4] is not null);
        Assert.True(nat.Where(r => r[4] is not null).Sum(r => (decimal)r[10]!) > nat.Where(r => r[4] is null).Sum(r => (decimal)r[10]!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_planted_cost_and_capacity_findings_top_their_queries_and_are_absent_from_clean_data(bool plant)
    {
        var data = await GenerateAsync("findings", CostFields, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text, plantFindings: plant);
        var accepted = data.Records.Where(r => r.LoggedData && r["action"] == "ACCEPT").ToList();
        var replication = accepted.Where(r => r.GetInt32("srcport") == 5433).ToList();
        var downloads = accepted.Where(r => r["interface-type"] == "nat_gateway" && r["flow-direction"] == "egress" && r.GetInt32("srcport") == 8081).ToList();
        var backups = accepted.Where(r => r.GetInt32("dstport") == 9103).ToList();
        var crossAz = await RunAsync(data, "cross-az-cost");
        var nat = await RunAsync(data, "nat-gateway-cost");
        var peaks = await RunAsync(data, "capacity-peaks", new() { ["capacity_levels"] = "instance" });
        var topPeak = peaks.MaxBy(r => (long)r[7]!)!;

        if (!plant)
        {
            Assert.Empty(replication);
            Assert.Empty(downloads);
            Assert.Empty(backups);
            return;
        }

        // Each network (account and region) has its planted trio. The cross-AZ database replica: its primary's
        // AZ to the replica's AZ in the prod VPC is the costliest pair, and carries at least the stream's bytes.
        var streams = replication.Where(r => r["flow-direction"] == "egress").Select(r => (r["vpc-id"], r["az-id"], r["next-hop-az-id"])).ToHashSet();
        Assert.Contains(((string?)crossAz[0][0], (string?)crossAz[0][1], (string?)crossAz[0][2]), streams);
        Assert.True((long)crossAz[0][4]! >= replication.Where(r => r["vpc-id"] == (string)crossAz[0][0]!).Sum(r => r.GetInt64("bytes")!.Value));

        // The build agent downloading through its NAT gateway is among the top NAT processing bills, named by instance
        // id (the paths pack's planted S3-over-NAT instances, pulling S3 through the same kind of gateway, may outspend it).
        var agents = downloads.Select(r => (Vpc: r["vpc-id"], Address: r["dstaddr"])).ToHashSet();
        Assert.Contains(nat.Take(5), r => agents.Contains(((string?)r[1], (string?)r[3])));
        // Where the agent's own interface logged in the window, its row names its instance.
        var named = 0;
        foreach (var row in nat.Where(r => agents.Contains(((string?)r[1], (string?)r[3]))))
        {
            var own = accepted.FirstOrDefault(r => r["instance-id"] is not null && r["flow-direction"] == "ingress"
                && r["vpc-id"] == (string)row[1]! && r["dstaddr"] == (string)row[3]!);
            if (own is null) continue;
            Assert.Equal(own["instance-id"], row[4]);
            named++;
        }
        Assert.True(named > 0, "no NAT download agent logged on its own interface in the window");

        // The nightly backup: a client or server has the biggest hour of all instances, at 02:00 UTC, far above its p95.
        var backupInstances = backups.Select(r => r["instance-id"]).ToHashSet();
        Assert.NotEmpty(backupInstances);
        Assert.Contains((string)topPeak[1]!, backupInstances);
        Assert.Equal(2 * 3600, (long)topPeak[6]! % 86_400);
        Assert.True((long)topPeak[9]! * 10 < (long)topPeak[7]!);
    }

    /// <summary>
    /// Cost centers for a third of the instances, the first two subnets and one VPC, so every kind of match (and
    /// no match) occurs; one name holds a quote and a comma, which the CSV quotes and the SQL must keep intact.
    /// </summary>
    private static Dictionary<string, string> CostCenterMap(List<FlowRecord> records)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var instances = records.Select(r => r["instance-id"]).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < instances.Count; i += 3) map[instances[i]] = i == 0 ? "O'Brien, ops" : $"team-{i % 7}";
        foreach (var subnet in records.Select(r => r["subnet-id"]).OfType<string>().Distinct().Order(StringComparer.Ordinal).Take(2))
            map[subnet] = "network-" + subnet[^3..];
        map[records.Select(r => r["vpc-id"]).OfType<string>().Distinct().Order(StringComparer.Ordinal).First()] = "shared-vpc";
        return map;
    }

    private string WriteCsv(Dictionary<string, string> map)
    {
        var path = _root.Combine("cost-centers.csv");
        File.WriteAllLines(path, ["resource_id,cost_center", .. map.Select(kv => $"{kv.Key},\"{kv.Value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")]);
        return path;
    }

    [Fact]
    public void Gb_rounds_half_up_on_exact_integers()
    {
        Assert.Equal(1m, ReferenceCost.Gb(1L << 30, decimalGb: false));
        Assert.Equal(0.000000001m, ReferenceCost.Gb(1, decimalGb: false)); // 0.93 nano-GB rounds up
        Assert.Equal(0m, ReferenceCost.Gb(0, decimalGb: false));
        Assert.Equal(1.5m, ReferenceCost.Gb(1_500_000_000, decimalGb: true));
        Assert.Equal(0.000001m, ReferenceCost.Cost(0.0000005m, 1m)); // half up, not to even
        Assert.Equal(decimal.Parse("0.000001", CultureInfo.InvariantCulture), ReferenceCost.Cost(0.00001m, 0.05m));
    }
}
