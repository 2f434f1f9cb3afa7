namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// Every query, run for real on DuckDB over generated logs, equals the reference computed in C# from the
/// generated records — over formats in any field order, both prefix styles, both partitionings and both
/// file formats, with a window narrower than the data so pruning and the start filter both matter.
/// </summary>
public sealed class QuerySemanticsTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<string, string, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        { "default v2", FlowLogFormat.DefaultFormatString, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text },
        {
            "v5 shuffled",
            "${log-status} ${traffic-path} ${dstaddr} ${bytes} ${srcaddr} ${flow-direction} ${action} ${start} ${packets} ${dstport} ${account-id} ${version} ${end} ${region} ${pkt-srcaddr} ${type}",
            PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text
        },
        {
            "v3-v5 hive hourly",
            "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${tcp-flags} ${flow-direction} ${traffic-path}",
            PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Text
        },
        { "v5 without log-status", "${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${flow-direction} ${traffic-path}", PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text },
        { "all 54 fields parquet", FlowLogFormat.AllVpcFields.FormatString, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet },
        { "v5 parquet hive hourly", "${srcaddr} ${dstaddr} ${dstport} ${bytes} ${packets} ${start} ${action} ${log-status} ${flow-direction} ${traffic-path}", PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_query_equals_the_reference_computed_from_the_generated_records(string name, string format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var options = new GeneratorOptions
        {
            Root = _root.Path,
            Format = FlowLogFormat.Parse(format),
            Layout = new SourceLayout(prefix, partitioning, fileFormat),
            Window = TimeWindow.Parse("2026-11-01", "2026-11-05"),
            Records = 40_000,
            FilesPerPartition = 2,
            Seed = name.Length,
        };
        await FlowLogGenerator.GenerateAsync(options);
        var source = new FlowLogSource(_root.Path, options.Format, options.Layout);
        var window = partitioning == Partitioning.Hourly
            ? TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z")
            : TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        Assert.NotEmpty(records);

        await AssertQuery("top-talkers", Reference.TopTalkers(records));
        await AssertQuery("rejected-traffic", Reference.RejectedTraffic(records));
        if (Serves("traffic-path"))
            await AssertQuery("traffic-path", ReferencePaths.TrafficPath(records));
        if (Serves("accepted-traffic"))
        {
            await AssertQuery("accepted-traffic", Reference.AcceptedTraffic(records));
            await AssertQuery("accepted-traffic", Reference.AcceptedTraffic(records, protocol: 17), new() { ["protocol"] = "17" });
        }
        if (Serves("rejected-tcp"))
            await AssertQuery("rejected-tcp", Reference.RejectedTcp(records));
        if (Serves("admin-ports"))
        {
            await AssertQuery("admin-ports", Reference.AdminPorts(records, 22, 3389));
            await AssertQuery("admin-ports", Reference.AdminPorts(records, 443), new() { ["ports"] = "443" });
        }
        if (Serves("ip-version-totals"))
            await AssertQuery("ip-version-totals", Reference.IpVersionTotals(records));
        if (Serves("traffic-from-address"))
        {
            var sources = BusiestAddresses(records, "srcaddr", "dstaddr").ToList();
            var destinations = BusiestAddresses(records, "dstaddr", "srcaddr").ToList();
            Assert.Equal(2, sources.Count); // one IPv4 and one IPv6 address
            Assert.Equal(2, destinations.Count);
            foreach (var address in sources)
                await AssertQuery("traffic-from-address", Reference.TrafficOfAddress(records, address, from: true), new() { ["address"] = address });
            foreach (var address in destinations)
                await AssertQuery("traffic-to-address", Reference.TrafficOfAddress(records, address, from: false), new() { ["address"] = address });
        }

        bool Serves(string id) => Catalog.Get(id).RequiresFields.All(options.Format.Contains);

        async Task AssertQuery(string id, List<object?[]> expected, Dictionary<string, string>? given = null)
        {
            Assert.True(expected.Count > 1, $"{id}: the reference should have several rows");
            var parameters = new Dictionary<string, string>(given ?? []);
            if (Catalog.Get(id).FindParameter("limit") is not null) parameters["limit"] = "100000";
            var sink = await LocalPaths.RunAsync(Catalog.Get(id), parameters, source, window);

            Assert.Equal(expected.Count, sink.Rows.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.True(expected[i].SequenceEqual(sink.Rows[i]), $"{name} {id} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", sink.Rows[i])}]");
        }
    }

    /// <summary>
    /// The IPv4 and the IPv6 address on <paramref name="side"/> with the most distinct peer and port combinations,
    /// so the address queries have several rows and both address families are matched.
    /// </summary>
    private static IEnumerable<string> BusiestAddresses(List<FlowRecord> records, string side, string peer) =>
        records.Where(r => r.LoggedData && r[side] is not null)
            .GroupBy(r => r[side]!)
            .Select(g => (Address: g.Key, Peers: g.Select(r => (r[peer], r.GetInt32("dstport"))).Distinct().Count()))
            .Where(x => x.Peers > 1)
            .GroupBy(x => x.Address.Contains(':'))
            .Select(family => family.OrderByDescending(x => x.Peers).ThenBy(x => x.Address, StringComparer.Ordinal).First().Address)
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task A_materialized_window_gives_the_reference_answers_and_parses_the_files_only_once()
    {
        var options = new GeneratorOptions
        {
            Root = _root.Path,
            Format = FlowLogFormat.Parse(string.Join(' ', FieldCatalog.Vpc.Where(f => f.Version <= 5).Select(f => "${" + f.Name + "}"))),
            Records = 20_000,
            Window = TimeWindow.Parse("2026-11-01", "2026-11-04"),
            Seed = 11,
        };
        await FlowLogGenerator.GenerateAsync(options);
        var source = new FlowLogSource(_root.Path, options.Format, options.Layout);
        var window = TimeWindow.Parse("2026-11-02", "2026-11-03");
        var records = Reference.InWindow(options, window).ToList();
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = true }, new LocalLogFileLister());
        // One bound table for all three: the window is loaded once and kept for it.
        var runner = new QueryRunner(new BoundTable(engine, source, window, ownsEngine: false));
        var all = new Dictionary<string, string> { ["limit"] = "100000" };

        var top = new ListSink();
        await runner.RunAsync(Catalog.Get("top-talkers"), all, top, CancellationToken.None);
        Directory.Delete(_root.Combine("AWSLogs"), recursive: true); // later queries must not need the files again
        var rejected = new ListSink();
        await runner.RunAsync(Catalog.Get("rejected-traffic"), all, rejected, CancellationToken.None);
        var paths = new ListSink();
        await runner.RunAsync(Catalog.Get("traffic-path"), new Dictionary<string, string>(), paths, CancellationToken.None);

        Assert.Equal(Reference.TopTalkers(records).Select(r => string.Join(",", r)), top.Rows.Select(r => string.Join(",", r)));
        Assert.Equal(Reference.RejectedTraffic(records).Select(r => string.Join(",", r)), rejected.Rows.Select(r => string.Join(",", r)));
        Assert.Equal(ReferencePaths.TrafficPath(records).Select(r => string.Join(",", r)), paths.Rows.Select(r => string.Join(",", r)));
    }

    [Fact]
    public async Task Top_talkers_limit_keeps_the_head_of_the_reference_order()
    {
        var options = new GeneratorOptions { Root = _root.Path, Records = 20_000, Window = TimeWindow.Parse("2026-11-02", "2026-11-03"), Seed = 3 };
        await FlowLogGenerator.GenerateAsync(options);
        var window = options.Window;
        var expected = Reference.TopTalkers(Reference.InWindow(options, window)).Take(10).ToList();

        await using var engine = new DuckDbEngine();
        var sink = new ListSink();
        await new QueryRunner(new BoundTable(engine, new FlowLogSource(_root.Path, options.Format, options.Layout), window, ownsEngine: false))
            .RunAsync(Catalog.Get("top-talkers"), new Dictionary<string, string> { ["limit"] = "10" }, sink, CancellationToken.None);

        Assert.Equal(["srcaddr", "dstaddr", "bytes", "packets", "flows"], sink.Columns.Select(c => c.Name));
        Assert.Equal(expected.Select(r => string.Join(",", r)), sink.Rows.Select(r => string.Join(",", r)));
    }
}
