namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// Generated logs for the diagnose pack: two days of one account and region (so the planted interfaces are busy
/// enough to matter), queried over a narrower window. Generated once per data set for all the tests.
/// </summary>
public sealed class DiagnoseData : IDisposable
{
    public static readonly TimeWindow Generated = TimeWindow.Parse("2026-11-02", "2026-11-04");
    public static readonly TimeWindow Queried = TimeWindow.Parse("2026-11-02T03:00:00Z", "2026-11-03T21:00:00Z");

    private readonly TempFolder _root = new();
    private readonly Dictionary<string, Lazy<Task<Set>>> _sets;

    public DiagnoseData()
    {
        var v5 = string.Join(' ', FieldCatalog.Vpc.Where(f => f.Version <= 5).Select(f => "${" + f.Name + "}"));
        _sets = new()
        {
            ["default v2"] = Lazy("default v2", FlowLogFormat.DefaultFormatString, SourceLayout.DefaultLayout, plant: true),
            ["v5 parquet hive hourly"] = Lazy("v5 parquet hive hourly", v5, new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet), plant: true),
            ["clean default v2"] = Lazy("clean default v2", FlowLogFormat.DefaultFormatString, SourceLayout.DefaultLayout, plant: false),
        };
    }

    public sealed record Set(string Name, FlowLogSource Source, List<FlowRecord> Records, IReadOnlyList<PlantedFinding> Planted);

    public Task<Set> GetAsync(string name) => _sets[name].Value;

    public void Dispose() => _root.Dispose();

    private Lazy<Task<Set>> Lazy(string name, string format, SourceLayout layout, bool plant) => new(async () =>
    {
        var options = new GeneratorOptions
        {
            Root = _root.Combine(name.Replace(' ', '-')),
            Format = FlowLogFormat.Parse(format),
            Layout = layout,
            Window = Generated,
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
            Records = 40_000,
            FilesPerPartition = 2,
            Seed = 21,
            PlantFindings = plant,
        };
        var plan = FlowLogGenerator.Plan(options);
        await FlowLogGenerator.GenerateAsync(plan);
        var records = Reference.InWindow(options, Queried).ToList();
        return new Set(name, new FlowLogSource(options.Root, options.Format, options.Layout), records, PlantedFindings.Of(plan));
    });
}

/// <summary>
/// Every diagnose query, run on DuckDB, equals its reference computed in C# from the generated records, and finds
/// what the generator planted (named by <see cref="PlantedFindings"/>) — and nothing of it in clean data.
/// </summary>
public sealed class DiagnosePackTests(DiagnoseData data) : IClassFixture<DiagnoseData>
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);

    public static TheoryData<string> PlantedSets => new() { "default v2", "v5 parquet hive hourly" };

    [Theory]
    [MemberData(nameof(PlantedSets))]
    public async Task The_planted_NACL_asymmetry_is_found(string name)
    {
        var set = await data.GetAsync(name);
        var planted = Assert.Single(set.Planted, f => f.Query == "nacl-asymmetry");

        var rows = await AssertEqualsReferenceAsync(set, "nacl-asymmetry", ReferenceDiagnose.NaclAsymmetry(set.Records));

        var found = Assert.Single(rows, r => (string?)r[0] == planted.InterfaceId);
        Assert.Equal(443, found[2]);
        Assert.Equal(6, found[3]);
        Assert.True((long)found[4]! >= 5, $"only {found[4]} flows of the planted NACL asymmetry on {planted.InterfaceId}");
        if (set.Records[0].Has("subnet-id"))
        {
            // Nothing else in the data has the signature: every row is an interface behind the planted NACL.
            var subnetOf = set.Records.Where(r => r["interface-id"] is not null && r["subnet-id"] is not null)
                .GroupBy(r => r["interface-id"]!).ToDictionary(g => g.Key, g => g.First()["subnet-id"]);
            Assert.All(rows, r => Assert.Equal(subnetOf[planted.InterfaceId], subnetOf[(string)r[0]!]));
        }

        var tight = await AssertEqualsReferenceAsync(set, "nacl-asymmetry", ReferenceDiagnose.NaclAsymmetry(set.Records, replyWithinSeconds: 0),
            new() { ["reply_within_seconds"] = "0" });
        Assert.Contains(tight, r => (string?)r[0] == planted.InterfaceId); // the reply starts with its request
    }

    [Theory]
    [MemberData(nameof(PlantedSets))]
    public async Task The_planted_one_way_flows_are_found_and_nothing_else(string name)
    {
        var set = await data.GetAsync(name);
        var planted = Assert.Single(set.Planted, f => f.Query == "one-way-flows");

        var rows = await AssertEqualsReferenceAsync(set, "one-way-flows", ReferenceDiagnose.OneWayFlows(set.Records));

        Assert.All(rows, r => Assert.Equal(planted.InterfaceId, r[0]));
        var syslog = Assert.Single(rows, r => (string?)r[2] == "192.168.200.10");
        Assert.Equal(new object?[] { 2055, 17, 1L }, new[] { syslog[3], syslog[4], syslog[6] }); // UDP 2055 from one long-lived socket
        var attempts = rows.Where(r => (string?)r[2] == "192.168.200.20").ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, r => Assert.Equal(new object?[] { 8443, 6 }, r[3..5]));
        Assert.True((long)syslog[5]! > 5, $"only {syslog[5]} NetFlow export flows");

        // A wide margin leaves out the flows near the window's edges, and never adds any.
        var margin = await AssertEqualsReferenceAsync(set, "one-way-flows", ReferenceDiagnose.OneWayFlows(set.Records, edgeMarginMinutes: 600),
            new() { ["edge_margin_minutes"] = "600" });
        Assert.True(margin.Sum(r => (long)r[5]!) < rows.Sum(r => (long)r[5]!));
    }

    [Theory]
    [MemberData(nameof(PlantedSets))]
    public async Task The_planted_silent_interface_is_found(string name)
    {
        var set = await data.GetAsync(name);
        var planted = Assert.Single(set.Planted, f => f.Query == "silent-interfaces");

        var rows = await AssertEqualsReferenceAsync(set, "silent-interfaces", ReferenceDiagnose.SilentInterfaces(set.Records));

        var found = Assert.Single(rows);
        Assert.Equal(planted.InterfaceId, found[0]);
        Assert.True((long)found[3]! < new DateTimeOffset(planted.SinceUtc!.Value).ToUnixTimeSeconds());
        Assert.True((long)found[4]! > 6 * 3600);

        // Asked for a silence longer than it has been silent, it is not reported.
        var longer = await AssertEqualsReferenceAsync(set, "silent-interfaces", ReferenceDiagnose.SilentInterfaces(set.Records, silentHours: 24),
            new() { ["silent_hours"] = "24" }, allowEmpty: true);
        Assert.DoesNotContain(longer, r => (string?)r[0] == planted.InterfaceId);
    }

    [Theory]
    [MemberData(nameof(PlantedSets))]
    public async Task The_planted_skipping_NAT_gateway_heads_log_status_health(string name)
    {
        var set = await data.GetAsync(name);
        var planted = Assert.Single(set.Planted, f => f.Query == "log-status-health");

        var rows = await AssertEqualsReferenceAsync(set, "log-status-health", ReferenceDiagnose.LogStatusHealth(set.Records));

        Assert.Equal(planted.InterfaceId, rows[0][0]);
        Assert.True((long)rows[0][4]! > 3 * (long)rows[1][4]!, $"{rows[0][4]} SKIPDATA records against {rows[1][4]}");
        Assert.Equal(set.Records.Count, rows.Sum(r => (long)r[1]!)); // every record counted once
        Assert.Contains(rows, r => (long)r[3]! > 0);
    }

    [Fact]
    public async Task Clean_data_has_no_NACL_asymmetry_no_one_way_flow_and_no_silent_interface()
    {
        var set = await data.GetAsync("clean default v2");
        Assert.Empty(set.Planted);

        Assert.Empty(await AssertEqualsReferenceAsync(set, "nacl-asymmetry", ReferenceDiagnose.NaclAsymmetry(set.Records), allowEmpty: true));
        Assert.Empty(await AssertEqualsReferenceAsync(set, "one-way-flows", ReferenceDiagnose.OneWayFlows(set.Records, edgeMarginMinutes: 0),
            new() { ["edge_margin_minutes"] = "0" }, allowEmpty: true));
        Assert.Empty(await AssertEqualsReferenceAsync(set, "silent-interfaces", ReferenceDiagnose.SilentInterfaces(set.Records), allowEmpty: true));
        // Below the default threshold, interfaces that are merely quiet show up: why the threshold exists.
        var quiet = await AssertEqualsReferenceAsync(set, "silent-interfaces", ReferenceDiagnose.SilentInterfaces(set.Records, minExpectedRecords: 1),
            new() { ["min_expected_records"] = "1" });
        Assert.NotEmpty(quiet);
    }

    /// <summary>Runs the query on DuckDB and asserts its full ordered result equals the reference; returns the rows.</summary>
    private static async Task<List<object?[]>> AssertEqualsReferenceAsync(DiagnoseData.Set set, string id, List<object?[]> expected,
        Dictionary<string, string>? given = null, bool allowEmpty = false)
    {
        Assert.True(allowEmpty || expected.Count > 0, $"{set.Name} {id}: the reference should have rows");
        var parameters = new Dictionary<string, string>(given ?? []) { ["limit"] = "100000" };
        var sink = await LocalPaths.RunAsync(Catalog.Get(id), parameters, set.Source, DiagnoseData.Queried);

        Assert.Equal(Catalog.Get(id).Output.Select(c => c.Name), sink.Columns.Select(c => c.Name));
        Assert.Equal(expected.Count, sink.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i].SequenceEqual(sink.Rows[i]), $"{set.Name} {id} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", sink.Rows[i])}]");
        return sink.Rows;
    }
}
