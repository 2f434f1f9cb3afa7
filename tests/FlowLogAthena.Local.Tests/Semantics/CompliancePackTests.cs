using static FlowLogAthena.Local.Tests.Semantics.ReferenceCompliance;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The compliance pack: every control on DuckDB equals its C# reference over generated logs, each planted
/// violation is in its control's evidence, clean data passes every control with the documented parameters
/// (<see cref="GeneratedNetworks.ComplianceParameters"/>), and a pack run writes the evidence files and the
/// control summary.
/// </summary>
public sealed class CompliancePackTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private static readonly string[] Controls =
        ["admin-access-from-internet", "egress-outside-allow-list", "insecure-protocols-accepted", "rejected-by-vpc-controls", "traffic-to-forbidden-networks", "unencrypted-sensitive-flows"];

    /// <summary>What the controls read, in a shuffled order, and nothing of v3–v7 they do not need.</summary>
    private const string ControlFields =
        "${encryption-status} ${srcaddr} ${dstaddr} ${action} ${account-id} ${reject-reason} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${interface-id} ${log-status}";

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    public static TheoryData<string, string, PrefixStyle, Partitioning, LogFileFormat> Cases => new()
    {
        { "all 54 fields parquet", FlowLogFormat.AllVpcFields.FormatString, PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet },
        { "control fields text hive hourly", ControlFields, PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Text },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_control_equals_its_reference_and_finds_its_planted_violation(string name, string format, PrefixStyle prefix, Partitioning partitioning, LogFileFormat fileFormat)
    {
        var options = Options("planted", format, plant: true, new SourceLayout(prefix, partitioning, fileFormat), seed: name.Length);
        await FlowLogGenerator.GenerateAsync(options);
        var source = new FlowLogSource(options.Root, options.Format, options.Layout);
        var window = partitioning == Partitioning.Hourly
            ? TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-03T17:00:00Z")
            : TimeWindow.Parse("2026-11-02", "2026-11-04");
        var records = Reference.InWindow(options, window).ToList();
        var documented = GeneratedNetworks.ComplianceParameters(options.Regions);
        var (allowedAdmin, inside, allowedEgress, forbidden) =
            (documented["allowed_admin_cidrs"], documented["internal_cidrs"], documented["allowed_egress_cidrs"], documented["forbidden_cidrs"]);

        var admin = await AssertControl("admin-access-from-internet", AdminAccessFromInternet(records, DefaultAdminPorts, allowedAdmin, inside), documented);
        Assert.True(admin.Count > 0 && admin.All(r => (int?)r[4] == 22 && r[6] is "ACCEPT"), "the planted SSH accepted from internet hosts is the admin evidence");
        Assert.DoesNotContain(admin, r => In((string?)r[2], Networks(allowedAdmin)));
        var insecure = await AssertControl("insecure-protocols-accepted", InsecureProtocolsAccepted(records, DefaultInsecurePorts), documented);
        Assert.True(insecure.Count > 0 && insecure.All(r => (int?)r[4] == 23 && !In((string?)r[2], Networks(inside))), "the planted Telnet from the internet is the insecure-protocol evidence");
        var egress = await AssertControl("egress-outside-allow-list", EgressOutsideAllowList(records, allowedEgress, inside), documented);
        Assert.Contains(egress, r => In((string?)r[3], Networks(GeneratedNetworks.UnapprovedEgress))); // the planted upload
        Assert.All(egress, r => Assert.True(In((string?)r[3], Networks($"{GeneratedNetworks.UnapprovedEgress},{GeneratedNetworks.Forbidden}"))));
        var toForbidden = await AssertControl("traffic-to-forbidden-networks", TrafficToForbiddenNetworks(records, forbidden), documented);
        Assert.True(toForbidden.Count > 0 && toForbidden.All(r => In((string?)r[3], Networks(GeneratedNetworks.Forbidden))), "the planted connections to the forbidden network");
        Assert.Contains(egress, r => In((string?)r[3], Networks(GeneratedNetworks.Forbidden))); // outside the allow-list too

        if (options.Format.Contains("encryption-status"))
        {
            var unencrypted = await AssertControl("unencrypted-sensitive-flows", UnencryptedSensitiveFlows(records, DefaultSensitivePorts), documented);
            // The planted plaintext database sessions with on-premises servers, requests and replies alike.
            Assert.True(unencrypted.Count > 0 && unencrypted.All(r => (int?)r[4] is 1433 or 5432), "the planted plaintext database traffic over the VPN");
            Assert.Contains(unencrypted, r => In((string?)r[3], Networks("172.16.0.0/12,192.168.0.0/16")));
            Assert.Contains(unencrypted, r => In((string?)r[2], Networks("172.16.0.0/12,192.168.0.0/16")));
            await AssertControl("unencrypted-sensitive-flows", UnencryptedSensitiveFlows(records, "1433"), new Dictionary<string, string> { ["sensitive_ports"] = "1433" });
        }
        if (options.Format.Contains("reject-reason"))
        {
            var rejected = await AssertControl("rejected-by-vpc-controls", RejectedByVpcControls(records, "BPA,EC", inside), documented);
            Assert.Contains(rejected, r => r[6] is "BPA"); // the planted attempt to leave a Block Public Access VPC
            Assert.Contains(rejected, r => r[6] is "EC"); // the planted plaintext dropped by Encryption Controls
            await AssertControl("rejected-by-vpc-controls", RejectedByVpcControls(records, "EC", DefaultInternal), new Dictionary<string, string> { ["reject_reasons"] = "EC" });
        }

        // Other values: no allowed admin sources (the office and EC2 Instance Connect count too), HTTP as insecure.
        var noAllowed = await AssertControl("admin-access-from-internet", AdminAccessFromInternet(records, "22,3389", null, inside),
            new Dictionary<string, string> { ["admin_ports"] = "22,3389", ["internal_cidrs"] = inside });
        Assert.Contains(noAllowed, r => In((string?)r[2], Networks(GeneratedNetworks.Office)));
        Assert.Contains(noAllowed, r => In((string?)r[2], Networks(GeneratedNetworks.InstanceConnect)));
        await AssertControl("insecure-protocols-accepted", InsecureProtocolsAccepted(records, "23,80"), new Dictionary<string, string> { ["insecure_ports"] = "23,80" });
        await AssertControl("egress-outside-allow-list", EgressOutsideAllowList(records, "52.216.0.0/15,2a00:1450::/32", DefaultInternal),
            new Dictionary<string, string> { ["allowed_egress_cidrs"] = "52.216.0.0/15,2a00:1450::/32" });

        async Task<List<object?[]>> AssertControl(string id, List<object?[]> expected, IReadOnlyDictionary<string, string> given)
        {
            var query = Catalog.Get(id);
            Assert.Equal(query.Output.Select(c => c.Name).ToList(), EvidenceColumns(id));
            var sink = await LocalPaths.RunAsync(query, Declared(query, given), source, window);

            Assert.Equal(expected.Count, sink.Rows.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.True(expected[i].SequenceEqual(sink.Rows[i]), $"{name} {id} row {i}: expected [{string.Join(", ", expected[i])}] got [{string.Join(", ", sink.Rows[i])}]");
            return expected;
        }
    }

    [Fact]
    public async Task Clean_data_passes_every_control_with_the_documented_parameters_and_planted_data_fails_each_with_its_evidence()
    {
        var window = TimeWindow.Parse("2026-11-02", "2026-11-03");
        var clean = Options("clean", ControlFields, plant: false);
        var planted = Options("planted", ControlFields, plant: true);
        await FlowLogGenerator.GenerateAsync(clean);
        await FlowLogGenerator.GenerateAsync(planted);
        var parameters = GeneratedNetworks.ComplianceParameters(clean.Regions);

        var cleanRun = await RunPackAsync(clean, window, parameters, "out-clean");
        var plantedRun = await RunPackAsync(planted, window, parameters, "out-planted");

        Assert.Equal(Controls.Select(c => $"{c},pass,0,{c}.csv,"), cleanRun.Summary.Skip(1));
        foreach (var control in Controls)
        {
            Assert.Equal([string.Join(',', EvidenceColumns(control))], File.ReadAllLines(Path.Combine(cleanRun.Folder, control + ".csv")));

            // Each control fails on the planted data; its evidence count is the rows of its evidence file.
            var line = Assert.Single(plantedRun.Summary, l => l.StartsWith(control + ",", StringComparison.Ordinal));
            var evidence = File.ReadAllLines(Path.Combine(plantedRun.Folder, control + ".csv"));
            Assert.Equal($"{control},fail,{evidence.Length - 1},{control}.csv,", line);
            Assert.Equal(string.Join(',', EvidenceColumns(control)), evidence[0]);
            Assert.True(evidence.Length > 1, control);
        }
        Assert.Equal("control,status,evidence_count,evidence_file,reason", plantedRun.Summary[0]);
        Assert.Contains(File.ReadLines(Path.Combine(plantedRun.Folder, "insecure-protocols-accepted.csv")).Skip(1), l => l.Split(',')[4] == "23");
    }

    [Fact]
    public async Task A_control_the_format_or_the_parameters_cannot_serve_is_skipped_with_its_reason_and_its_old_evidence_goes()
    {
        var window = TimeWindow.Parse("2026-11-02", "2026-11-03");
        var full = Options("full", ControlFields, plant: true);
        await FlowLogGenerator.GenerateAsync(full);
        var v2 = Options("v2", FlowLogFormat.DefaultFormatString, plant: true);
        await FlowLogGenerator.GenerateAsync(v2);
        await RunPackAsync(full, window, GeneratedNetworks.ComplianceParameters(full.Regions), "out");

        // The same output folder, now for default-format logs and no parameters.
        var run = await RunPackAsync(v2, window, new Dictionary<string, string>(), "out");

        var byControl = run.Summary.Skip(1).ToDictionary(l => l[..l.IndexOf(',', StringComparison.Ordinal)]);
        Assert.StartsWith("egress-outside-allow-list,skipped,,,Query 'egress-outside-allow-list' needs --param allowed_egress_cidrs=", byControl["egress-outside-allow-list"]);
        Assert.StartsWith("traffic-to-forbidden-networks,skipped,,,Query 'traffic-to-forbidden-networks' needs --param forbidden_cidrs=", byControl["traffic-to-forbidden-networks"]);
        Assert.Contains("'encryption-status' (v10)", byControl["unencrypted-sensitive-flows"]);
        Assert.StartsWith("unencrypted-sensitive-flows,skipped,,,", byControl["unencrypted-sensitive-flows"]);
        Assert.Contains("'reject-reason' (v8)", byControl["rejected-by-vpc-controls"]);
        Assert.StartsWith("insecure-protocols-accepted,fail,", byControl["insecure-protocols-accepted"]);
        Assert.StartsWith("admin-access-from-internet,fail,", byControl["admin-access-from-internet"]);
        foreach (var skipped in new[] { "egress-outside-allow-list", "traffic-to-forbidden-networks", "unencrypted-sensitive-flows", "rejected-by-vpc-controls" })
            Assert.False(File.Exists(Path.Combine(run.Folder, skipped + ".csv")), $"{skipped}: the earlier run's evidence must not stay beside a skipped control");
        Assert.Empty(Directory.EnumerateFiles(run.Folder, "*.tmp", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(run.Folder, ".*")));
    }

    private GeneratorOptions Options(string folder, string format, bool plant, SourceLayout? layout = null, int seed = 1) => new()
    {
        Root = _root.Combine(folder),
        Format = FlowLogFormat.Parse(format),
        Layout = layout ?? SourceLayout.DefaultLayout,
        Seed = seed,
        Window = TimeWindow.Parse("2026-11-01", "2026-11-05"),
        Records = 40_000,
        FilesPerPartition = 2,
        PlantFindings = plant,
    };

    private async Task<(string Folder, string[] Summary)> RunPackAsync(GeneratorOptions options, TimeWindow window, IReadOnlyDictionary<string, string> parameters, string output)
    {
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = true }, new LocalLogFileLister());
        var outcomes = await new PackRunner(new BoundTable(engine, new FlowLogSource(options.Root, options.Format, options.Layout), window, ownsEngine: false)).RunAsync(Catalog.InPack("compliance"), parameters, _root.Combine(output), null, CancellationToken.None);
        Assert.Equal(Controls, outcomes.Select(o => o.Query.Id));
        Assert.DoesNotContain(outcomes, o => o.Status == QueryStatus.Failed);
        var folder = _root.Combine(output, "compliance");
        return (folder, File.ReadAllLines(Path.Combine(folder, "summary.csv")));
    }

    /// <summary>The evidence columns: where, who, which port, how, how much, when.</summary>
    private static List<string> EvidenceColumns(string control) =>
    [
        "account_id", "interface_id", "srcaddr", "dstaddr", control == "unencrypted-sensitive-flows" ? "service_port" : "dstport", "protocol",
        control == "rejected-by-vpc-controls" ? "reject_reason" : "action", "flows", "packets", "bytes", "first_seen", "last_seen",
    ];

    private static Dictionary<string, string> Declared(QueryDefinition query, IReadOnlyDictionary<string, string> given) =>
        given.Where(p => query.FindParameter(p.Key) is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
