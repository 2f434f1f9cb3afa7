using System.Globalization;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Reports.Tests;

/// <summary>
/// The weekly report over a Transit Gateway flow log: it runs the transit queries instead of the VPC ones (which
/// would all be skipped), and its Transit Gateway section's numbers equal sums taken from the generated records.
/// </summary>
public sealed class TransitGatewayReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-report-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private GeneratorOptions Generation => new()
    {
        Root = Path.Combine(_root, "logs"),
        Format = FlowLogFormat.TransitGatewayDefault,
        Window = TimeWindow.Days(new DateOnly(2026, 11, 2), 14),
        Records = 20_000,
        Accounts = ["012345678901"],
        Regions = ["us-east-1"],
    };

    [Fact]
    public async Task A_transit_gateway_log_gets_the_transit_gateway_section_with_the_records_numbers()
    {
        await FlowLogGenerator.GenerateAsync(Generation);
        var source = new FlowLogSource(Generation.Root, Generation.Format, SourceLayout.DefaultLayout);

        var result = await GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "out"));
        var html = await File.ReadAllTextAsync(result.HtmlPath);

        Assert.Equal(ReportQuerySpec.TransitGateway.Count * 2, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.True(o.Status == QueryStatus.Ok, $"{o.Spec.QualifiedId}: {o.Status} {o.Reason}"));
        Assert.Contains(">Transit Gateway<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Top talkers", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<img src=\"data:image/png;base64,"));

        var records = new GeneratedLogs(Generation).RecordsIn(GeneratedWeeks.SecondWeek).Where(r => r.LoggedData).ToList();
        var bytesByAttachment = records.GroupBy(r => r["tgw-attachment-id"]!).ToDictionary(g => g.Key, g => g.Sum(r => r.GetInt64("bytes")!.Value));
        var rows = PageReader.Rows(html, "tgw-attachments");
        Assert.Equal(bytesByAttachment.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(bytesByAttachment[row[0].Text], long.Parse(row[1].Value!, CultureInfo.InvariantCulture)));

        string[] reasons = ["no-route", "blackhole", "mtu-exceeded", "ttl-expired"];
        foreach (var reason in reasons)
            Assert.Equal(records.Sum(r => r.GetInt64("packets-lost-" + reason)!.Value), long.Parse(PageReader.Row(html, "tgw-drops", reason)[1].Value!, CultureInfo.InvariantCulture));

        // The previous week has data, so every table compares with it.
        Assert.Equal(4, PageReader.Headers(html, "tgw-processing-cost").Count);
        Assert.True(decimal.Parse(PageReader.Row(html, "tgw-processing-cost", "total")[1].Value!, CultureInfo.InvariantCulture) > 0);
        Assert.Equal(ReportQuerySpec.TopTalkerCount, PageReader.Rows(html, "tgw-vpc-pairs").Count);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
