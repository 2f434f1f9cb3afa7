namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The paths pack on DuckDB equals the C# reference over a wide Parquet format and a narrow text format (no
/// log-status, resource-id or interface-type), finds the planted S3-over-NAT instances, and on clean data finds
/// S3 and DynamoDB only on their gateway endpoints.
/// </summary>
public sealed class PathsPackTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);

    private static readonly string AllFields = FlowLogFormat.AllVpcFields.FormatString;

    /// <summary>Every field the pack reads, in no particular order, without its optional ones.</summary>
    private const string NarrowFields =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${packets} ${bytes} ${start} ${end} "
        + "${action} ${vpc-id} ${traffic-path} ${pkt-dst-aws-service} ${flow-direction} ${pkt-src-aws-service} ${next-hop-interface-id} ${next-hop-interface-type}";

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<string, string, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        { "all 54 fields parquet", AllFields, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet },
        { "narrow text hive hourly", NarrowFields, PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Text },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_paths_query_equals_the_reference_and_the_planted_S3_over_NAT_is_found(
        string name, string format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var run = await GenerateAsync(format, new SourceLayout(prefix, partitioning, fileFormat), plantFindings: true, seed: name.Length);

        await run.AssertQuery("traffic-path", ReferencePaths.TrafficPath(run.Records));
        var services = await run.AssertQuery("aws-service-traffic", ReferencePaths.AwsServiceTraffic(run.Records));
        var bypass = await run.AssertQuery("gateway-endpoint-bypass", ReferencePaths.GatewayEndpointBypass(run.Records));
        var hops = await run.AssertQuery("next-hop-types", ReferencePaths.NextHopTypes(run.Records));

        // The planted instances, found from their own records (S3 on traffic-path 1, i.e. towards the NAT
        // gateway), are each in the result behind their NAT gateway: one in prod (zonal), one in staging (regional).
        var planted = PlantedS3OverNatInstances(run.Records);
        Assert.Equal(2, planted.Count);
        Assert.Single(planted, p => p.NextHopType == "nat_gateway");
        Assert.Single(planted, p => p.NextHopType == "regional_nat_gateway");
        foreach (var p in planted)
        {
            var gateway = p.NextHopInterface ?? RegionalNatGatewayOf(run.Records, p.Vpc);
            Assert.True(bypass.Any(row => Equals(row[0], p.Vpc) && Equals(row[1], "NAT gateway") && Equals(row[2], gateway)
                    && Equals(row[3], p.Address) && Equals(row[4], "S3") && (long)row[5]! > 0),
                $"{name}: the planted S3-over-NAT instance {p.Address} in {p.Vpc} behind {gateway ?? "its regional NAT gateway"} is not in the result");
        }
        Assert.All(bypass.Where(row => Equals(row[1], "NAT gateway")), row => Assert.Contains(planted, p => Equals(row[3], p.Address)));
        Assert.Contains(services, row => Equals(row[1], "S3") && Equals(row[2], "egress") && Equals(row[3], 1));
        Assert.Superset(new HashSet<object?> { "nat_gateway", "regional_nat_gateway", "transit_gateway", "vpc_endpoint", "untyped interface", "none" },
            hops.Select(row => row[1]).ToHashSet());
    }

    [Fact]
    public async Task Without_planted_findings_S3_and_DynamoDB_use_only_their_gateway_endpoints()
    {
        var run = await GenerateAsync(AllFields, SourceLayout.DefaultLayout, plantFindings: false, seed: 5);

        Assert.Empty(ReferencePaths.GatewayEndpointBypass(run.Records));
        Assert.Empty(await run.AssertQuery("gateway-endpoint-bypass", []));
        Assert.Empty(PlantedS3OverNatInstances(run.Records));
        var services = await run.AssertQuery("aws-service-traffic", ReferencePaths.AwsServiceTraffic(run.Records));
        var gatewayServices = services.Where(row => ReferencePaths.IsGatewayService(row[0] as string) || ReferencePaths.IsGatewayService(row[1] as string)).ToList();
        Assert.Contains(gatewayServices, row => Equals(row[1], "S3") && Equals(row[3], 7));
        Assert.Contains(gatewayServices, row => Equals(row[1], "DYNAMODB") && Equals(row[3], 7));
        Assert.All(gatewayServices, row => Assert.True(row[3] is null or 7 or 2, $"S3/DynamoDB on traffic-path {row[3]}"));
        Assert.DoesNotContain(run.Records, r => r["interface-type"] is "nat_gateway" or "regional_nat_gateway"
            && (ReferencePaths.IsGatewayService(r["pkt-src-aws-service"]) || ReferencePaths.IsGatewayService(r["pkt-dst-aws-service"])));
    }

    /// <summary>Instances whose own egress reaches S3 on traffic-path 1: towards a NAT gateway in their VPC.</summary>
    private static List<(string? Vpc, string? Address, string? NextHopInterface, string? NextHopType)> PlantedS3OverNatInstances(List<FlowRecord> records) =>
        records.Where(r => r.LoggedData && r["flow-direction"] == "egress" && r.GetInt32("traffic-path") == 1
                && r["pkt-dst-aws-service"] == "S3" && r["pkt-dstaddr"] == r["dstaddr"])
            .Select(r => (r["vpc-id"], r["srcaddr"], r["next-hop-interface-id"], r["next-hop-interface-type"]))
            .Distinct()
            .ToList();

    /// <summary>The regional NAT gateway's id in a VPC where the format names it (resource-id), else null.</summary>
    private static string? RegionalNatGatewayOf(List<FlowRecord> records, string? vpc) =>
        records.Where(r => r.Has("resource-id") && r.LoggedData && r["vpc-id"] == vpc && r["resource-id"] is not null)
            .Select(r => r["resource-id"]).Distinct().SingleOrDefault();

    /// <summary>One account and region (two planted instances), two days of data, a window of 30 hours inside them.</summary>
    private async Task<GeneratedRun> GenerateAsync(string format, SourceLayout layout, bool plantFindings, int seed)
    {
        var options = new GeneratorOptions
        {
            Root = _root.Path,
            Format = FlowLogFormat.Parse(format),
            Layout = layout,
            Window = TimeWindow.Parse("2026-11-01", "2026-11-03"),
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
            Records = 40_000,
            FilesPerPartition = 2,
            Seed = seed,
            PlantFindings = plantFindings,
        };
        await FlowLogGenerator.GenerateAsync(options);
        var window = TimeWindow.Parse("2026-11-01T12:00:00Z", "2026-11-02T18:00:00Z");
        var records = Reference.InWindow(options, window).ToList();
        return new GeneratedRun(new FlowLogSource(_root.Path, options.Format, layout), window, records);
    }

    private sealed record GeneratedRun(FlowLogSource Source, TimeWindow Window, List<FlowRecord> Records)
    {
        /// <summary>Runs the query on DuckDB (every row: limit at its maximum) and asserts the full ordered result.</summary>
        public async Task<List<object?[]>> AssertQuery(string id, List<object?[]> expected)
        {
            var query = Catalog.Get(id);
            Assert.Equal("paths", query.Pack);
            var parameters = new Dictionary<string, string>();
            if (query.FindParameter("limit") is not null) parameters["limit"] = "100000";
            var sink = await LocalPaths.RunAsync(query, parameters, Source, Window);

            Assert.Equal(query.Output.Select(c => c.Name), sink.Columns.Select(c => c.Name));
            for (var i = 0; i < Math.Min(expected.Count, sink.Rows.Count); i++)
                Assert.True(expected[i].SequenceEqual(sink.Rows[i]), $"{id} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", sink.Rows[i])}]");
            Assert.Equal(expected.Count, sink.Rows.Count);
            return sink.Rows;
        }
    }
}
