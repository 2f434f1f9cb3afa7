namespace FlowLogAthena.Cli.Tests;

/// <summary>The README's first command, small: generate, run every pack, write CSVs, summaries, evidence and the weekly report.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Demo_runs_every_pack_and_writes_each_packs_results_summary_and_compliance_evidence()
    {
        var run = await CliRun.Of("demo", "--out", _root.Path, "--records", "30000", "--days", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        var results = _root.Combine("results");
        foreach (var pack in new[] { "traffic", "security", "diagnose", "paths", "compliance", "capacity", "cost" })
            Assert.True(File.Exists(Path.Combine(results, pack, "summary.csv")), $"{pack}/summary.csv");
        Assert.True(File.ReadAllLines(Path.Combine(results, "traffic", "top-talkers.csv")).Length > 1);
        var controls = File.ReadAllLines(Path.Combine(results, "compliance", "summary.csv"));
        Assert.Equal("control,status,evidence_count,evidence_file,reason", controls[0]);
        // The demo plants violations: controls that ran find them; those needing the user's allow-lists say so.
        Assert.Contains(controls, l => l.StartsWith("insecure-protocols-accepted,fail,", StringComparison.Ordinal));
        Assert.Contains(controls, l => l.StartsWith("egress-outside-allow-list,skipped,", StringComparison.Ordinal) && l.Contains("allowed_egress_cidrs", StringComparison.Ordinal));
        Assert.Contains("queries ran in", run.Stderr);
        // The generator's own AWS ranges, written beside the logs, classify its AWS destinations in two regions.
        Assert.True(File.Exists(_root.Combine("ip-ranges.json")));
        var destinations = File.ReadAllLines(Path.Combine(results, "paths", "aws-destinations.csv"));
        Assert.Contains(destinations, l => l.StartsWith("us-east-1,S3,", StringComparison.Ordinal) && l.Contains(",true,", StringComparison.Ordinal));
        Assert.Contains(destinations, l => l.StartsWith("eu-west-1,S3,", StringComparison.Ordinal) && l.Contains(",false,", StringComparison.Ordinal));
        var egress = File.ReadAllText(Path.Combine(results, "cost", "egress-cost.csv"));
        foreach (var egressClass in new[] { ",same-region-aws,", ",other-region-aws,", ",internet,", ",cross-az," }) // the 1,000 costliest rows: free ones are below
            Assert.Contains(egressClass, egress, StringComparison.Ordinal);
        Assert.Contains("compliance/insecure-protocols-accepted", run.Stdout);

        // The weekly report compares the day looked at with the day before it, which was generated too.
        var html = File.ReadAllText(_root.Combine("report", "report.html"));
        Assert.Contains("<img", html);
        Assert.DoesNotContain("No previous week", html);
        Assert.True(File.Exists(_root.Combine("report", "summary.csv")));
        Assert.Contains("Weekly report (", run.Stderr);
    }
}
