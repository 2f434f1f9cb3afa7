namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The traffic pack's queries on DuckDB over generated logs equal the C# reference computed from the generated
/// records (<see cref="ReferenceTraffic"/>), and the packet-level queries see through NAT gateways where the
/// address-level ones cannot.
/// </summary>
public sealed class TrafficPackTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static readonly string EveryField = FlowLogFormat.AllVpcFields.FormatString;

    public static TheoryData<string, string, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        { "all 54 fields parquet", EveryField, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet },
        {
            "v5 hive hourly",
            "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} "
                + "${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path}",
            PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Text
        },
        {
            // Neither log-status (data records are those with bytes) nor flow-direction (no ingress/egress split).
            "v3 without log-status and flow-direction",
            "${pkt-dstaddr} ${bytes} ${srcaddr} ${instance-id} ${dstaddr} ${start} ${protocol} ${subnet-id} ${packets} ${srcport} ${vpc-id} "
                + "${dstport} ${interface-id} ${action} ${end} ${pkt-srcaddr}",
            PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_traffic_query_equals_the_reference_computed_from_the_generated_records(string name, string format, PrefixStyle prefix,
        Partitioning partitioning, LogFileFormat fileFormat)
    {
        var (options, source) = await GenerateAsync(format, new SourceLayout(prefix, partitioning, fileFormat), seed: name.Length);
        var window = partitioning == Partitioning.Hourly
            ? TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z")
            : TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        var run = new Runner(source, window, name);

        await run.Check("top-sources", ReferenceTraffic.TopAddresses(records, "srcaddr", "dstaddr"));
        await run.Check("top-destinations", ReferenceTraffic.TopAddresses(records, "dstaddr", "srcaddr"));
        await run.Check("top-instances", ReferenceTraffic.TopResources(records, "instance-id"));
        await run.Check("top-subnets", ReferenceTraffic.TopResources(records, "subnet-id"));
        // Without an inventory, the owner columns are NULL.
        await run.Check("top-interfaces", [.. ReferenceTraffic.TopResources(records, "interface-id").Select(r => r.Concat(new object?[9]).ToArray())]);
        await run.Check("top-vpcs", ReferenceTraffic.TopResources(records, "vpc-id"));
        await run.Check("top-talkers-packet-level", ReferenceTraffic.TopTalkersPacketLevel(records));
        await run.Check("top-sources-packet-level", ReferenceTraffic.TopSourcesPacketLevel(records));
        await run.Check("protocol-mix", ReferenceTraffic.ProtocolMix(records));

        var (a, b) = BusiestConversation(records);
        await run.Check("conversation", ReferenceTraffic.Conversation(records, a, b), new() { ["address_a"] = a, ["address_b"] = b });
        var aSubnet = a.Contains(':') ? a + "/64" : a[..a.LastIndexOf('.')] + ".0/24";
        await run.Check("conversation", ReferenceTraffic.Conversation(records, aSubnet, b), new() { ["address_a"] = aSubnet, ["address_b"] = b });

        // The address queries take a network as well as an address: a private /16 holds many sources and destinations.
        var network = PrivateSixteen(records);
        await run.Check("traffic-from-address", ReferenceTraffic.TrafficOfNetwork(records, network, from: true), new() { ["address"] = network });
        await run.Check("traffic-to-address", ReferenceTraffic.TrafficOfNetwork(records, network, from: false), new() { ["address"] = network });
    }

    [Fact]
    public async Task Without_flow_direction_the_resource_queries_leave_the_ingress_and_egress_split_empty()
    {
        var format = "${interface-id} ${instance-id} ${subnet-id} ${vpc-id} ${srcaddr} ${dstaddr} ${packets} ${bytes} ${start} ${log-status}";
        var (options, source) = await GenerateAsync(format, SourceLayout.DefaultLayout, seed: 5);
        var window = TimeWindow.Parse("2026-11-02", "2026-11-04");
        var rows = await new Runner(source, window, "no flow-direction").Rows("top-instances", []);

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row[4] is null && row[5] is null, $"{row[0]}: ingress {row[4]}, egress {row[5]}"));
        Assert.Equal(ReferenceTraffic.TopResources(Reference.InWindow(options, window), "instance-id").Take(10).Select(r => string.Join(",", r)),
            rows.Select(r => string.Join(",", r)));
    }

    /// <summary>
    /// A zonal NAT gateway logs the traffic it forwards to an instance with its own address as srcaddr and the internet
    /// host as pkt-srcaddr. The address-level queries credit the gateway; the packet-level ones credit the host, and the
    /// pair (host, instance) gains exactly the bytes of the gateway's translated records.
    /// </summary>
    [Fact]
    public async Task Packet_level_queries_see_the_real_source_behind_a_NAT_gateway_where_address_level_ones_see_the_gateway()
    {
        var (options, source) = await GenerateAsync(EveryField, SourceLayout.DefaultLayout, seed: 21);
        var window = TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        var translated = records
            .Where(r => r.LoggedData && r["interface-type"] == "nat_gateway" && r["pkt-srcaddr"] != r["srcaddr"])
            .ToList();
        Assert.NotEmpty(translated);
        // The pair behind the gateway with the most translated bytes.
        // The busiest translated pair whose destination is an instance that logged on its own interface too.
        var instanceAddresses = records.Where(r => r["instance-id"] is not null).SelectMany(r => new[] { r["srcaddr"], r["dstaddr"] }).ToHashSet();
        var pair = translated.GroupBy(r => (Host: r["pkt-srcaddr"]!, Instance: r["dstaddr"]!, Gateway: r["srcaddr"]!))
            .Where(g => instanceAddresses.Contains(g.Key.Instance))
            .OrderByDescending(g => g.Sum(r => r.GetInt64("bytes") ?? 0)).ThenBy(g => g.Key.Host, StringComparer.Ordinal).First();
        var (host, instance, gateway) = pair.Key;
        var translatedBytes = pair.Sum(r => r.GetInt64("bytes") ?? 0);

        var run = new Runner(source, window, "NAT gateway");
        var all = new Dictionary<string, string> { ["limit"] = "100000" };
        var addressPairs = await run.Rows("top-talkers", all);
        var packetPairs = await run.Rows("top-talkers-packet-level", all);
        var addressSources = await run.Rows("top-sources", all);
        var packetSources = await run.Rows("top-sources-packet-level", all);

        long BytesOf(List<object?[]> rows, params string[] key) =>
            rows.Where(r => key.Select((k, i) => (string?)r[i] == k).All(x => x)).Select(r => (long)r[key.Length]!).SingleOrDefault();

        // The gateway's forwarding records move from the gateway's address to the pair they were translated for.
        var packetPairRow = Assert.Single(packetPairs, r => (string?)r[0] == host && (string?)r[1] == instance);
        Assert.True((long)packetPairRow[5]! > 0, "the packet-level pair counts translated records");
        Assert.True(BytesOf(addressPairs, gateway, instance) >= translatedBytes, "top-talkers credits the gateway");
        Assert.True(BytesOf(packetPairs, host, instance) >= BytesOf(addressPairs, host, instance) + translatedBytes,
            "top-talkers-packet-level credits the internet host with the gateway's forwarded bytes");
        Assert.NotEqual(
            addressPairs.Select(r => $"{r[0]} {r[1]} {r[2]}").Order(StringComparer.Ordinal),
            packetPairs.Select(r => $"{r[0]} {r[1]} {r[2]}").Order(StringComparer.Ordinal));

        // By source: the gateway sends less at packet level, the internet host more, with translated records.
        Assert.True(BytesOf(packetSources, gateway) < BytesOf(addressSources, gateway), "the gateway's packet-level bytes shrink");
        Assert.True(BytesOf(packetSources, host) >= BytesOf(addressSources, host) + translatedBytes, "the host's packet-level bytes grow");
        Assert.True((long)Assert.Single(packetSources, r => (string?)r[0] == host)[5]! > 0);
    }

    [Fact]
    public void Accepted_traffic_says_it_is_AWSs_accepted_TCP_query_with_protocol_6()
    {
        var query = Catalog.Get("accepted-traffic");

        Assert.Contains("accepted TCP", query.Description);
        Assert.Contains("--param protocol=6", query.Description);
    }

    private async Task<(GeneratorOptions Options, FlowLogSource Source)> GenerateAsync(string format, SourceLayout layout, int seed)
    {
        var options = new GeneratorOptions
        {
            Root = _root.Path,
            Format = FlowLogFormat.Parse(format),
            Layout = layout,
            Window = TimeWindow.Parse("2026-11-01", "2026-11-05"),
            Records = 30_000,
            FilesPerPartition = 2,
            Seed = seed,
        };
        await FlowLogGenerator.GenerateAsync(options);
        return (options, new FlowLogSource(_root.Path, options.Format, options.Layout));
    }

    /// <summary>
    /// The unordered address pair with the most distinct (direction, ports, protocol, action) rows among pairs heard in
    /// both directions, so the conversation has several rows each way.
    /// </summary>
    private static (string A, string B) BusiestConversation(List<FlowRecord> records)
    {
        var pairs = records.Where(r => r.LoggedData && r["srcaddr"] is not null && r["dstaddr"] is not null)
            .GroupBy(r => string.CompareOrdinal(r["srcaddr"], r["dstaddr"]) < 0 ? (r["srcaddr"]!, r["dstaddr"]!) : (r["dstaddr"]!, r["srcaddr"]!))
            .Select(g => (Pair: g.Key, Directions: g.Select(r => r["srcaddr"]).Distinct().Count(),
                Rows: g.Select(r => (r["srcaddr"], r["srcport"], r["dstport"], r["protocol"], r["action"])).Distinct().Count()))
            .Where(x => x.Directions == 2)
            .OrderByDescending(x => x.Rows).ThenBy(x => x.Pair.Item1, StringComparer.Ordinal).ThenBy(x => x.Pair.Item2, StringComparer.Ordinal)
            .First();
        Assert.True(pairs.Rows > 2, $"the busiest conversation has {pairs.Rows} rows");
        return pairs.Pair;
    }

    /// <summary>The 10.x.0.0/16 network that holds the most source addresses.</summary>
    private static string PrivateSixteen(List<FlowRecord> records) =>
        records.Where(r => r.LoggedData && r["srcaddr"] is { } s && s.StartsWith("10.", StringComparison.Ordinal))
            .GroupBy(r => string.Join('.', r["srcaddr"]!.Split('.').Take(2)) + ".0.0/16")
            .OrderByDescending(g => g.Select(r => r["srcaddr"]).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;

    /// <summary>Runs catalog queries on a fresh DuckDB engine and compares them with a reference.</summary>
    private sealed class Runner(FlowLogSource source, TimeWindow window, string name)
    {
        public async Task<List<object?[]>> Rows(string id, Dictionary<string, string> parameters)
        {
            var sink = await LocalPaths.RunAsync(Catalog.Get(id), parameters, source, window);
            Assert.Equal(Catalog.Get(id).Output.Select(c => c.Name), sink.Columns.Select(c => c.Name));
            return sink.Rows;
        }

        public async Task Check(string id, List<object?[]> expected, Dictionary<string, string>? given = null)
        {
            Assert.True(expected.Count > 1, $"{name} {id}: the reference should have several rows");
            var parameters = new Dictionary<string, string>(given ?? []);
            if (Catalog.Get(id).FindParameter("limit") is not null) parameters["limit"] = "100000";
            var actual = await Rows(id, parameters);

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.True(expected[i].SequenceEqual(actual[i]),
                    $"{name} {id} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", actual[i])}]");
        }
    }
}
