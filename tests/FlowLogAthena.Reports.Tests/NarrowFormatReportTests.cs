using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Reports.Tests;

/// <summary>The report over formats that cannot serve every query, and over data that tries to inject HTML.</summary>
public sealed class NarrowFormatReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-report-tests", Guid.NewGuid().ToString("N"));

    private async Task<FlowLogSource> GenerateAsync(string format)
    {
        var source = new FlowLogSource(Path.Combine(_root, "logs"), FlowLogFormat.Parse(format), SourceLayout.DefaultLayout);
        await FlowLogGenerator.GenerateAsync(new GeneratorOptions
        {
            Root = source.Root,
            Format = source.Format,
            Window = GeneratedWeeks.SecondWeek,
            Records = 5_000,
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
        });
        return source;
    }

    [Fact]
    public async Task Queries_the_format_cannot_serve_are_listed_as_skipped_with_the_reason_and_their_charts_say_no_data()
    {
        var source = await GenerateAsync(FlowLogFormat.DefaultFormatString);
        // A CSV left by an earlier run over a wider format must not survive a run that skipped its query.
        var stale = Path.Combine(_root, "out", "this-week", "cost", "egress-cost.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        await File.WriteAllTextAsync(stale, "from an earlier run\r\n");
        var result = await GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "out"));
        var html = await File.ReadAllTextAsync(result.HtmlPath);

        var skipped = result.Outcomes.Where(o => o.Status == QueryStatus.Skipped).Select(o => o.Spec.QualifiedId).Distinct().Order().ToList();
        Assert.Equal(["capacity/capacity-peaks", "capacity/hourly-traffic", "cost/egress-cost"], skipped);
        Assert.Contains("<li><code>capacity/hourly-traffic</code> skipped: Query &#39;hourly-traffic&#39; needs fields &#39;vpc-id&#39; (v3)", html, StringComparison.Ordinal);
        Assert.Contains("<li><code>cost/egress-cost</code> skipped: Query &#39;egress-cost&#39; needs fields", html, StringComparison.Ordinal);
        // Bytes per day, egress by class, by cost center and by destination, p95 and peak: a note each instead of an image.
        Assert.Equal(6, CountOf(html, "<div class=\"no-data chart\""));
        Assert.Contains("<strong>Bytes per day by VPC: no data.</strong>", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<img src=\"data:image/png;base64,"));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(_root, "out", "this-week", "traffic", "top-talkers.csv")));
    }

    [Fact]
    public async Task Values_from_the_data_are_html_escaped()
    {
        var source = await GenerateAsync("${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} "
            + "${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${flow-direction} ${traffic-path}");
        var first = await GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "first"));
        var vpcs = CsvFile.Read(Path.Combine(_root, "first", "this-week", "cost", "egress-cost.csv")).Column("vpc_id").Distinct().ToList();
        Assert.NotEmpty(vpcs);

        // Without tag fields the cost center comes from the map: give every VPC one that is markup.
        const string hostile = "<img src=x onerror=alert(1)> & \"q\"";
        var map = Path.Combine(_root, "cost-centers.csv");
        await File.WriteAllLinesAsync(map, ["resource_id,cost_center", .. vpcs.Select(v => $"{v},\"{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")]);
        var result = await GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "second"),
            new Dictionary<string, string> { ["cost_center_map"] = map });
        var html = await File.ReadAllTextAsync(result.HtmlPath);

        Assert.Equal(QueryStatus.Ok, first.Outcomes.First(o => o.Spec == ReportQuerySpec.EgressCost).Status);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</td>", html, StringComparison.Ordinal);
        Assert.Equal(hostile, PageReader.Rows(html, "egress-by-cost-center")[0][0].Text);
    }

    [Fact]
    public async Task Parameters_the_report_sets_itself_are_refused_before_anything_runs()
    {
        var source = await GenerateAsync(FlowLogFormat.DefaultFormatString);
        var error = await Assert.ThrowsAsync<QueryParameterException>(() => GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "out"),
            new Dictionary<string, string> { ["limit"] = "5" }));
        Assert.Contains("The report sets 'limit' itself", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<QueryParameterException>(() => GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "out"),
            new Dictionary<string, string> { ["internet_egres_usd_per_gb"] = "0.05" }));
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
