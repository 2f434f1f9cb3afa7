using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Reports.Tests;

/// <summary>With AWS's address ranges, the page shows a name beside each address the ranges know; the CSVs keep the addresses alone.</summary>
public sealed class ReportNamesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-report-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Top_talkers_show_the_service_and_region_of_addresses_the_ranges_know()
    {
        var source = new FlowLogSource(Path.Combine(_root, "logs"), FlowLogFormat.Default, SourceLayout.DefaultLayout);
        await FlowLogGenerator.GenerateAsync(new GeneratorOptions
        {
            Root = source.Root,
            Format = source.Format,
            Window = GeneratedWeeks.SecondWeek,
            Records = 5_000,
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
        });
        // A test's own ranges: the VPCs' private space as if it were EC2's, so every top pair has a name to show.
        var ranges = AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text([new("10.0.0.0/8", "us-east-1", "EC2")]), "test ranges"));

        var result = await GeneratedWeeks.RunAsync(source, GeneratedWeeks.SecondWeek, Path.Combine(_root, "out"), ranges: ranges);

        var html = await File.ReadAllTextAsync(result.HtmlPath);
        var rows = PageReader.Rows(html, "top-talkers-table");
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r[0].Text.Contains("(EC2 us-east-1) → ", StringComparison.Ordinal) || r[0].Text.EndsWith("(EC2 us-east-1)", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r[0].Text.StartsWith("10.", StringComparison.Ordinal)), r => Assert.Contains("(EC2 us-east-1)", r[0].Text, StringComparison.Ordinal));
        var csv = await File.ReadAllTextAsync(Path.Combine(_root, "out", "this-week", "traffic", "top-talkers.csv"));
        Assert.DoesNotContain("EC2", csv, StringComparison.Ordinal);
    }
}
