using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Cli.Tests;

/// <summary><c>report weekly</c> end to end on the local engine over two generated weeks with every field.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _root = new();

    private string Logs => _root.Combine("logs");

    private string Out => _root.Combine("report");

    private Task<GenerationSummary> GenerateAsync() => FlowLogGenerator.GenerateAsync(new GeneratorOptions
    {
        Root = Logs,
        Format = FlowLogFormat.AllVpcFields,
        Window = TimeWindow.Days(new DateOnly(2026, 11, 2), 14),
        Records = 8_000,
        Accounts = ["012345678901"],
        Regions = ["us-east-1"],
    });

    [Fact]
    public async Task Writes_the_page_the_summary_and_a_csv_per_run_taking_the_format_from_the_files_header()
    {
        await GenerateAsync();
        var prices = Path.Combine(Path.GetDirectoryName(Out)!, "prices.csv");
        await File.WriteAllTextAsync(prices, "egress_class,usd_per_gb\ninternet,0.05\n");
        var run = await CliRun.Of("report", "weekly", "--engine", "local", "--source", Logs, "--layout", "default",
            "--from", "2026-11-09", "--to", "2026-11-16", "--out", Out, "--param", $"prices={prices}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Format from the files' header", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("report.html", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("vs [2026-11-02T00:00:00Z, 2026-11-09T00:00:00Z)", run.Stderr.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(Out, "report.html"));
        Assert.Contains("<dd id=\"previous-week\">[2026-11-02T00:00:00Z, 2026-11-09T00:00:00Z)</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no-previous-week", html, StringComparison.Ordinal);
        Assert.Equal(2 * 5 + 1, File.ReadAllLines(Path.Combine(Out, "summary.csv")).Length); // five queries per week and the header
        // The user's price reached the egress query of both weeks.
        var egress = File.ReadAllLines(Path.Combine(Out, "this-week", "cost", "egress-cost.csv"));
        Assert.Contains(egress, l => l.Contains(",internet,", StringComparison.Ordinal) && l.Contains(",0.050000,", StringComparison.Ordinal)
            && l.Contains(",prices file,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Out, "previous-week", "security", "rejects-per-day.csv")));
    }

    [Fact]
    public async Task Bad_input_exits_2_with_the_reason()
    {
        await GenerateAsync();
        var noSource = await CliRun.Of("report", "weekly", "--from", "2026-11-09", "--to", "2026-11-16", "--out", Out);
        Assert.Equal(2, noSource.ExitCode);
        Assert.Contains("--source is required for the local engine", noSource.Stderr, StringComparison.Ordinal);

        var fixedParameter = await CliRun.Of("report", "weekly", "--source", Logs, "--from", "2026-11-09", "--to", "2026-11-16", "--out", Out, "--param", "limit=3");
        Assert.Equal(2, fixedParameter.ExitCode);
        Assert.Contains("The report sets 'limit' itself", fixedParameter.Stderr, StringComparison.Ordinal);

        var noOut = await CliRun.Of("report", "weekly", "--source", Logs, "--from", "2026-11-09", "--to", "2026-11-16");
        Assert.Equal(2, noOut.ExitCode);
        Assert.False(Directory.Exists(Out));
    }

    public void Dispose() => _root.Dispose();
}
