using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Generation;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Tests.Semantics;

public sealed class PackRunnerTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepoRoot.Queries);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<FlowLogSource> GenerateAsync(FlowLogFormat format)
    {
        var options = new GeneratorOptions { Root = Path.Combine(_root, "logs"), Format = format, Records = 10_000, Window = TimeWindow.Parse("2026-11-02", "2026-11-03") };
        await FlowLogGenerator.GenerateAsync(options);
        return new FlowLogSource(options.Root, format, options.Layout);
    }

    [Fact]
    public async Task Every_query_of_every_pack_writes_its_CSV_and_each_pack_a_summary()
    {
        var format = FlowLogFormat.Parse(string.Join(' ', FieldCatalog.All.Where(f => f.Version <= 5).Select(f => "${" + f.Name + "}")));
        var source = await GenerateAsync(format);
        var output = Path.Combine(_root, "out");
        await using var engine = new DuckDbEngine();

        var outcomes = await new PackRunner(engine).RunAsync(Catalog.All, source, TimeWindow.Parse("2026-11-02", "2026-11-03"),
            new Dictionary<string, string> { ["limit"] = "5", ["address"] = "10.0.0.1" }, output, null, CancellationToken.None);

        // The cost queries that read v11 fields (next-hop-az-id, interface-type) are skipped on this v5 format.
        var v11 = new[] { "cross-az-cost", "nat-gateway-cost" };
        Assert.All(outcomes.Where(o => !v11.Contains(o.Query.Id)), o => Assert.Equal(PackRunner.Ok, o.Status));
        Assert.All(outcomes.Where(o => v11.Contains(o.Query.Id)), o => Assert.Contains("(v11)", o.Reason));
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
        var output = Path.Combine(_root, "out");
        await using var engine = new DuckDbEngine();

        var outcomes = await new PackRunner(engine).RunAsync(Catalog.InPack("traffic"), source, TimeWindow.Parse("2026-11-02", "2026-11-03"),
            new Dictionary<string, string>(), output, null, CancellationToken.None);

        var skipped = outcomes.Where(o => o.Status == PackRunner.Skipped).ToDictionary(o => o.Query.Id, o => o.Reason);
        Assert.Contains("flow-direction", skipped["traffic-path"]);
        Assert.Contains("--param address=", skipped["traffic-from-address"]); // a required parameter nobody gave
        Assert.Equal(["traffic-from-address", "traffic-path", "traffic-to-address"], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outcomes, o => o.Status == PackRunner.Failed);
        Assert.Contains(outcomes, o => o.Query.Id == "top-talkers" && o.Status == PackRunner.Ok && o.Rows == 10);
        Assert.False(File.Exists(Path.Combine(output, "traffic", "traffic-path.csv")));
        Assert.Contains(File.ReadAllLines(Path.Combine(output, "traffic", "summary.csv")), l => l.StartsWith("traffic-path,skipped,0,0,,\"Query 'traffic-path' needs", StringComparison.Ordinal));
    }
}
