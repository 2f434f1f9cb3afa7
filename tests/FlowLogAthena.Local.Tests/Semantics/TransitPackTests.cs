namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The transit pack, run on DuckDB over generated Transit Gateway flow logs (a hub with spoke VPCs in several
/// accounts, VPNs with asymmetric routes, Direct Connect, peering, drops of every kind), equals the references
/// computed in C# from the generated records, for the default format and narrower ones, text and Parquet.
/// </summary>
public sealed class TransitPackTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>What the whole pack reads, without log-status, subnets or interfaces.</summary>
    private const string PackFields =
        "${tgw-attachment-id} ${tgw-pair-attachment-id} ${tgw-src-vpc-account-id} ${tgw-dst-vpc-account-id} ${tgw-src-vpc-id} ${tgw-dst-vpc-id} "
        + "${tgw-src-az-id} ${tgw-dst-az-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} "
        + "${packets-lost-no-route} ${packets-lost-blackhole} ${packets-lost-mtu-exceeded} ${packets-lost-ttl-expired} ${flow-direction}";

    public static TheoryData<string, string?, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        { "default format text daily", null, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text },
        { "default format parquet hive hourly", null, PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet },
        { "pack fields only, text hourly", PackFields, PrefixStyle.Default, Partitioning.Hourly, LogFileFormat.Text },
    };

    private sealed record Generated(FlowLogSource Source, TimeWindow Window, List<FlowRecord> Records);

    private async Task<Generated> GenerateAsync(string name, string? format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var options = new GeneratorOptions
        {
            Root = _root.Combine(name.Replace(' ', '-')),
            Format = format is null ? FlowLogFormat.TransitGatewayDefault : FlowLogFormat.Parse(format),
            Layout = new SourceLayout(prefix, partitioning, fileFormat),
            Window = TimeWindow.Parse("2026-11-01", "2026-11-04"),
            Records = 40_000,
            FilesPerPartition = 2,
            Seed = name.Length + 11,
        };
        Assert.Equal(FlowLogKind.TransitGateway, options.Format.Kind);
        await FlowLogGenerator.GenerateAsync(options);
        var window = partitioning == Partitioning.Hourly
            ? TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z")
            : TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        Assert.NotEmpty(records);
        return new Generated(new FlowLogSource(options.Root, options.Format, options.Layout), window, records);
    }

    private static Task<List<object?[]>> RunAsync(Generated data, string id, Dictionary<string, string>? given = null) =>
        ReferenceCheck.RowsAsync(Catalog.Get(id), data.Source, data.Window, given);

    private static Task AssertQuery(Generated data, string name, string id, List<object?[]> expected, Dictionary<string, string>? given = null) =>
        ReferenceCheck.AssertEqualAsync($"{name} {id}", Catalog.Get(id), data.Source, data.Window, expected, given);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Transit_queries_equal_the_reference(string name, string? format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var data = await GenerateAsync(name, format, prefix, partitioning, fileFormat);

        await AssertQuery(data, name, "attachment-traffic", ReferenceTransit.AttachmentTraffic(data.Records));
        await AssertQuery(data, name, "vpc-pairs", ReferenceTransit.VpcPairs(data.Records));
        await AssertQuery(data, name, "cross-account", ReferenceTransit.CrossAccount(data.Records));
        await AssertQuery(data, name, "packets-lost", ReferenceTransit.PacketsLost(data.Records));
        await AssertQuery(data, name, "asymmetric-routes", ReferenceTransit.AsymmetricRoutes(data.Records));
        await AssertQuery(data, name, "cross-az", ReferenceTransit.CrossAz(data.Records));
        await AssertQuery(data, name, "processing-cost", ReferenceTransit.ProcessingCost(data.Records));
        await AssertQuery(data, name, "processing-cost", ReferenceTransit.ProcessingCost(data.Records, 0.0173m, decimalGb: true),
            new() { ["tgw_processing_usd_per_gb"] = "0.0173", ["gb_unit"] = "decimal" });
    }

    [Fact]
    public async Task The_generated_hub_has_what_each_transit_question_is_about()
    {
        var data = await GenerateAsync("planted", null, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text);
        var records = data.Records;

        // A flow is logged where it enters and where it leaves: every egress record has its ingress twin.
        var ingress = records.Where(r => r["flow-direction"] == "ingress").ToList();
        var egress = records.Where(r => r["flow-direction"] == "egress").ToList();
        var entries = ingress.Select(i => (i["srcaddr"], i["dstaddr"], i["srcport"], i["start"], i["tgw-attachment-id"], i["tgw-pair-attachment-id"])).ToHashSet();
        Assert.All(egress, e => Assert.Contains((e["srcaddr"], e["dstaddr"], e["srcport"], e["start"], e["tgw-pair-attachment-id"], e["tgw-attachment-id"]), entries));

        // Several accounts own the VPCs; traffic crosses accounts and AZs.
        Assert.True(records.Select(r => r["tgw-src-vpc-account-id"]).OfType<string>().Distinct().Count() >= 4);
        Assert.NotEmpty(ReferenceTransit.CrossAccount(records));
        Assert.NotEmpty(ReferenceTransit.CrossAz(records));

        // Drops of every kind, each with no egress where every packet was lost.
        var lost = ReferenceTransit.PacketsLost(records);
        Assert.Equal(["blackhole", "mtu-exceeded", "no-route", "ttl-expired"], lost.Select(r => (string)r[2]!).Distinct().Order(StringComparer.Ordinal));
        var unrouted = ingress.Where(r => r.GetInt64("packets-lost-no-route") > 0).ToList();
        Assert.All(unrouted, r => Assert.Null(r["tgw-pair-attachment-id"]));
        Assert.All(unrouted, r => Assert.Equal(r.GetInt64("packets"), r.GetInt64("packets-lost-no-route")));

        // In each hub (account and region) the branch office's flows come in by one VPN and their replies leave by
        // the other, and only those.
        var asymmetric = ReferenceTransit.AsymmetricRoutes(records);
        Assert.Equal(4, asymmetric.Select(r => r[4]).Distinct().Count());
        Assert.All(asymmetric.GroupBy(r => r[4]), g => Assert.Single(g.Select(r => r[6]).Distinct()));
        Assert.All(asymmetric, r => Assert.StartsWith("172.16.", (string)r[0]!, StringComparison.Ordinal));

        // Non-VPC attachments send traffic too: their processing rows have no account or VPC.
        Assert.Contains(ReferenceTransit.ProcessingCost(records), r => r[0] is null && r[1] is null && (long)r[4]! > 0);
    }

    [Fact]
    public void Every_transit_query_reads_transit_gateway_logs_and_no_other_pack_does()
    {
        var transit = Catalog.All.Where(q => q.Pack == "transit").ToList();
        Assert.Equal(7, transit.Count);
        Assert.All(transit, q => Assert.Equal(FlowLogKind.TransitGateway, q.Kind));
        Assert.All(transit, q => Assert.True(q.RequiresFields.All(FlowLogFormat.TransitGatewayDefault.Contains), q.Id));
        Assert.All(Catalog.All.Where(q => q.Pack != "transit"), q => Assert.Equal(FlowLogKind.Vpc, q.Kind));
    }
}
