using FlowLogAthena.Core.Queries.Parameters;
using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The security pack on DuckDB over generated logs equals <see cref="ReferenceSecurity"/>, and finds what the
/// generator put there: its port scanners (and no ordinary client), and the planted database open to the internet
/// (absent from clean data).
/// </summary>
public sealed class SecurityPackTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);

    /// <summary>EC2 Instance Connect's range the generator draws from (published by AWS for us-east-1).</summary>
    private const string InstanceConnectRange = "18.206.107.24/29";

    /// <summary>
    /// The generated VPCs' IPv6 blocks (us-east-1, eu-west-1). VPC IPv6 addresses are global unicast, so a user names
    /// their own blocks in private_cidrs; without them east-west IPv6 traffic counts as coming from the internet.
    /// </summary>
    private static readonly string[] VpcIpv6Blocks = ["2600:1f18::/32", "2a05:d018::/32"];

    private static readonly string[] DatabasePorts = ["1433", "1521", "3306", "5432", "6379", "27017", "9200"];

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<string, string, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        {
            "v8 text without log-status",
            "${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${reject-reason}",
            PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text
        },
        { "all 54 fields parquet hive hourly", FlowLogFormat.AllVpcFields.FormatString, PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_security_query_equals_the_reference_computed_from_the_generated_records(string name, string format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var options = Options(FlowLogFormat.Parse(format), new SourceLayout(prefix, partitioning, fileFormat), seed: name.Length);
        await FlowLogGenerator.GenerateAsync(options);
        var source = new FlowLogSource(options.Root, options.Format, options.Layout);
        var window = partitioning == Partitioning.Hourly
            ? TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z")
            : TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        var remote = RemoteAddresses.For(options);
        int[] ports = [22, 3389, 443, 80];
        string[] sources = ["10.0.0.0/8", "2000::/3"];
        var filters = new Dictionary<string, string> { ["dstport"] = "22,3389,443,80", ["source_cidr"] = "10.0.0.0/8,2000::/3" };

        await AssertQuery("rejected-by-source", ReferenceSecurity.RejectedBySource(records));
        await AssertQuery("rejected-by-source", ReferenceSecurity.RejectedBySource(records, ports, sources), filters);
        await AssertQuery("rejected-by-destination", ReferenceSecurity.RejectedByDestination(records));
        await AssertQuery("rejected-by-destination", ReferenceSecurity.RejectedByDestination(records, ports, sources), filters);
        await AssertQuery("rejected-by-port", ReferenceSecurity.RejectedByPort(records));
        await AssertQuery("rejected-by-port", ReferenceSecurity.RejectedByPort(records, ports, sources), filters);
        await AssertQuery("rejects-per-day", ReferenceSecurity.RejectsPerDay(records));
        // Over every generated day too, so the days are more than the window's two.
        var days = ReferenceSecurity.RejectsPerDay(Reference.InWindow(options, options.Window));
        Assert.Equal(4, days.Count);
        Assert.Equal(days.Select(Line), (await RunAsync("rejects-per-day", source, options.Window, null)).Select(Line));

        // The test data is a sliver of a real day, so the thresholds are scaled down from the defaults.
        var daily = new ReferenceSecurity.ScanThresholds(MinDistinctPorts: 20, MinDistinctHosts: 20, BucketMinutes: 1440);
        await AssertQuery("port-scans", ReferenceSecurity.PortScans(records, daily), Given(daily));
        var hourly = new ReferenceSecurity.ScanThresholds(MinDistinctPorts: 3, MinDistinctHosts: 4, MinRejectShare: 50, BucketMinutes: 60);
        await AssertQuery("port-scans", ReferenceSecurity.PortScans(records, hourly), Given(hourly));

        await AssertQuery("sensitive-ports-from-internet", ReferenceSecurity.SensitivePortsFromInternet(records, ReferenceSecurity.PrivateCidrs));
        string[] privateCidrs = [.. ReferenceSecurity.PrivateCidrs, .. VpcIpv6Blocks];
        string[] allowed = [remote.Office + "/32", InstanceConnectRange];
        await AssertQuery("sensitive-ports-from-internet", ReferenceSecurity.SensitivePortsFromInternet(records, privateCidrs, allowed),
            new() { ["private_cidrs"] = string.Join(',', privateCidrs), ["allowed_admin_cidrs"] = string.Join(',', allowed) });

        if (options.Format.Contains("reject-reason"))
            await AssertQuery("reject-reasons", ReferenceSecurity.RejectReasons(records));

        async Task AssertQuery(string id, List<object?[]> expected, Dictionary<string, string>? given = null)
        {
            Assert.True(expected.Count > 1, $"{name} {id}: the reference should have several rows");
            var rows = await RunAsync(id, source, window, given);
            Assert.Equal(expected.Count, rows.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.True(expected[i].SequenceEqual(rows[i]), $"{name} {id} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", rows[i])}]");
        }
    }

    [Fact]
    public async Task Port_scans_finds_every_scanner_of_the_generator_and_no_ordinary_client()
    {
        var options = Options(FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString + " ${reject-reason}"), SourceLayout.DefaultLayout, seed: 5);
        await FlowLogGenerator.GenerateAsync(options);
        var source = new FlowLogSource(options.Root, options.Format, options.Layout);
        var window = TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        var scanners = RemoteAddresses.For(options).Scanners.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToList();
        var daily = new ReferenceSecurity.ScanThresholds(MinDistinctPorts: 20, MinDistinctHosts: 20, BucketMinutes: 1440);

        var found = await RunAsync("port-scans", source, window, Given(daily));

        Assert.Equal(ReferenceSecurity.PortScans(records, daily).Select(Line), found.Select(Line));
        var sources = found.Select(r => (string)r[0]!).Distinct().ToList();
        Assert.Equal(scanners, sources.Where(Public).Order(StringComparer.Ordinal));
        Assert.All(found, r => Assert.True((double)r[6]! >= 80, $"{r[0]} listed with a rejected share of {r[6]}"));
        // The only inside sources are hosts in the Block Public Access VPC sweeping the internet: every one of their
        // rejects is BPA's. That is a true finding (a host trying many hosts and turned away), not an ordinary client.
        foreach (var inside in sources.Where(s => !Public(s)))
            Assert.All(records.Where(r => r["srcaddr"] == inside && r["action"] == "REJECT"), r => Assert.Equal("BPA", r["reject-reason"]));

        // Ordinary clients do touch many hosts in a day (the busiest workloads, NAT gateways, popular sites), but
        // their traffic is accepted: only the reject share keeps them out.
        var busy = ReferenceSecurity.PortScans(records, daily, all: true)
            .Where(r => !scanners.Contains((string)r[0]!) && ((long)r[2]! >= daily.MinDistinctPorts || (long)r[3]! >= daily.MinDistinctHosts))
            .Where(r => (double)r[6]! < 80)
            .ToList();
        Assert.True(busy.Count > 10, $"only {busy.Count} ordinary source-days touch 20 hosts or ports");
        Assert.Contains(busy, r => Public((string)r[0]!));
        var unfiltered = await RunAsync("port-scans", source, window, Given(daily with { MinRejectShare = 0 }));
        Assert.Equal(busy.Count + found.Count, unfiltered.Count);
        Assert.Superset(busy.Select(Line).ToHashSet(), unfiltered.Select(Line).Except(found.Select(Line)).ToHashSet());

        static bool Public(string address) => !ReferenceSecurity.InAny(address, ReferenceSecurity.PrivateCidrs);
    }

    [Fact]
    public async Task The_planted_public_database_is_found_and_clean_data_reaches_no_database_port_from_the_internet()
    {
        var format = FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString);
        var planted = Options(format, SourceLayout.DefaultLayout, seed: 9, subfolder: "planted");
        var clean = Options(format, SourceLayout.DefaultLayout, seed: 9, subfolder: "clean", plantFindings: false);
        await FlowLogGenerator.GenerateAsync(planted);
        await FlowLogGenerator.GenerateAsync(clean);
        var window = TimeWindow.Parse("2026-11-02", "2026-11-04");
        string[] privateCidrs = [.. ReferenceSecurity.PrivateCidrs, .. VpcIpv6Blocks];
        var office = RemoteAddresses.For(clean).Office + "/32";
        var own = new Dictionary<string, string> { ["private_cidrs"] = string.Join(',', privateCidrs) };

        // Planted: internet hosts reach a database port on one public host per account and region, and are accepted.
        var plantedRecords = Reference.InWindow(planted, window).ToList();
        var plantedRows = await RunAsync("sensitive-ports-from-internet", Source(planted), window, own);
        Assert.Equal(ReferenceSecurity.SensitivePortsFromInternet(plantedRecords, privateCidrs).Select(Line), plantedRows.Select(Line));
        var exposures = plantedRecords
            .Where(r => r["action"] == "ACCEPT" && DatabasePorts.Contains(r["dstport"]) && !ReferenceSecurity.InAny(r["srcaddr"], privateCidrs))
            .Select(r => (Src: r["srcaddr"], Dst: r["dstaddr"], Port: r.GetInt32("dstport")))
            .ToList();
        Assert.True(exposures.Count >= 5, $"only {exposures.Count} planted database connections in the window");
        Assert.InRange(exposures.Select(e => (e.Dst, e.Port)).Distinct().Count(), 1, 4); // one exposed host per account and region
        foreach (var (src, dst, port) in exposures)
            Assert.True(plantedRows.Any(r => (string?)r[0] == src && (string?)r[1] == dst && (int?)r[2] == port),
                $"the planted public database {dst}:{port} reached from {src} is not in the result");

        // Clean: no database port is reached from a public address; the office's SSH and RDP are public and listed
        // until allowed_admin_cidrs names the office and EC2 Instance Connect, which leaves nothing.
        var cleanRecords = Reference.InWindow(clean, window).ToList();
        var cleanRows = await RunAsync("sensitive-ports-from-internet", Source(clean), window, own);
        Assert.Equal(ReferenceSecurity.SensitivePortsFromInternet(cleanRecords, privateCidrs).Select(Line), cleanRows.Select(Line));
        Assert.DoesNotContain(cleanRows, r => DatabasePorts.Contains(Convert.ToString(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(cleanRows, r => (string?)r[0] + "/32" == office);
        var allowed = await RunAsync("sensitive-ports-from-internet", Source(clean), window,
            new(own) { ["allowed_admin_cidrs"] = $"{office},{InstanceConnectRange}" });
        Assert.Empty(allowed);
    }

    [Theory]
    [InlineData("port-scans", "min_reject_share", "150", "is above the maximum 100")]
    [InlineData("port-scans", "bucket_minutes", "0", "is below the minimum 1")]
    [InlineData("sensitive-ports-from-internet", "private_cidrs", "10.0.0.0/8,10.0.0.0/33", "has item 2 '10.0.0.0/33'")]
    [InlineData("sensitive-ports-from-internet", "sensitive_ports", "22) OR (1=1", "has item 1 '22) OR (1=1' that is not a port number")]
    public void Nonsense_parameters_are_refused_naming_the_parameter(string id, string parameter, string value, string reason)
    {
        var error = Assert.Throws<QueryParameterException>(() =>
            ParameterBinder.Bind(Catalog.Get(id), new Dictionary<string, string> { [parameter] = value }));

        Assert.Contains($"Parameter '{parameter}' = '{value}' {reason}", error.Message);
    }

    private GeneratorOptions Options(FlowLogFormat format, SourceLayout layout, int seed, string subfolder = "logs", bool plantFindings = true) => new()
    {
        Root = _root.Combine(subfolder),
        Format = format,
        Layout = layout,
        Window = TimeWindow.Parse("2026-11-01", "2026-11-05"),
        Records = 40_000,
        Seed = seed,
        PlantFindings = plantFindings,
    };

    private static FlowLogSource Source(GeneratorOptions options) => new(options.Root, options.Format, options.Layout);

    private static Dictionary<string, string> Given(ReferenceSecurity.ScanThresholds t) => new()
    {
        ["min_distinct_ports"] = t.MinDistinctPorts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["min_distinct_hosts"] = t.MinDistinctHosts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["min_reject_share"] = t.MinRejectShare.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["bucket_minutes"] = t.BucketMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<List<object?[]>> RunAsync(string id, FlowLogSource source, TimeWindow window, Dictionary<string, string>? given)
    {
        var parameters = new Dictionary<string, string>(given ?? []);
        // Whole results: the limit at its widest where the query has one (rejects-per-day has a row per day, no limit).
        if (Catalog.Get(id).FindParameter("limit") is not null) parameters["limit"] = "100000";
        var sink = await LocalPaths.RunAsync(Catalog.Get(id), parameters, source, window);
        Assert.Equal(Catalog.Get(id).Output.Select(c => c.Name), sink.Columns.Select(c => c.Name));
        return sink.Rows;
    }

    private static string Line(object?[] row) => string.Join(",", row);
}
