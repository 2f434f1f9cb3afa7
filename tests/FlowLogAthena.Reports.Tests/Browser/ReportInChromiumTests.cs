using System.Buffers.Binary;

namespace FlowLogAthena.Reports.Tests.Browser;

/// <summary>
/// The report opened in headless Chromium over the DevTools Protocol: every chart decodes, the page logs no
/// error or warning (its CSP would log any attempt to load from outside), and a full-page screenshot is taken.
/// Without Chromium the tests skip on a developer's machine and fail on CI (CI=true), saying how to install it.
/// </summary>
[Collection(SharedGeneratedWeeks.Name)]
public sealed class ReportInChromiumTests(GeneratedWeeks weeks)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private static string RequireChromium()
    {
        var chromium = HeadlessChromium.Find();
        if (chromium is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail("Chromium is missing, and CI must run the browser test. " + HeadlessChromium.InstallHint);
        Skip.If(chromium is null, "Chromium is missing. " + HeadlessChromium.InstallHint);
        return chromium!;
    }

    [SkippableFact]
    public async Task The_report_renders_every_chart_and_logs_no_errors()
    {
        var chromium = RequireChromium();
        using var timeout = new CancellationTokenSource(HangGuard);
        await using var browser = await HeadlessChromium.StartAsync(chromium, timeout.Token);
        var page = await PageLoader.LoadAsync(browser, weeks.WithPrevious.HtmlPath, timeout.Token);

        Assert.Empty(page.Errors);
        Assert.Equal(["bytes-per-day", "top-talkers", "rejects-per-day", "egress-cost", "egress-destinations", "capacity", "queries"], page.SectionIds);
        Assert.Equal(
            ["Bytes per day by VPC", "Top 10 talkers by bytes", "Rejects per day", "Egress cost by class (where the bytes went)",
             "Egress cost by cost center", "Egress bytes by class, AWS service and region", "p95 of hourly bytes by VPC", "Peak hour bytes by VPC"],
            page.Images.Select(i => i.Alt));
        Assert.All(page.Images, i => Assert.True(i.Complete && i.NaturalWidth == 960 && i.NaturalHeight >= 400, $"{i.Alt} did not decode: {i}"));
        Assert.Equal(0, page.NoDataNotes);

        var screenshot = Path.Combine(Path.GetDirectoryName(weeks.WithPrevious.HtmlPath)!, "report.png");
        await File.WriteAllBytesAsync(screenshot, page.Screenshot);
        AssertPng(page.Screenshot, minWidth: 1000, minHeight: 3000);
    }

    [SkippableFact]
    public async Task A_report_without_a_previous_week_renders_too()
    {
        var chromium = RequireChromium();
        using var timeout = new CancellationTokenSource(HangGuard);
        await using var browser = await HeadlessChromium.StartAsync(chromium, timeout.Token);
        var page = await PageLoader.LoadAsync(browser, weeks.WithoutPrevious.HtmlPath, timeout.Token);

        Assert.Empty(page.Errors);
        Assert.Equal(8, page.Images.Count(i => i.Complete && i.NaturalWidth > 0));
    }

    /// <summary>The check itself can fail: a page under the same policy that reaches outside logs an error.</summary>
    [SkippableFact]
    public async Task A_page_that_loads_from_outside_is_caught()
    {
        var chromium = RequireChromium();
        var file = Path.Combine(Path.GetTempPath(), "flowlog-athena-report-tests", Guid.NewGuid().ToString("N") + ".html");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
            <title>outside</title></head><body><img src="https://example.invalid/chart.png" alt="outside"></body></html>
            """);
        try
        {
            using var timeout = new CancellationTokenSource(HangGuard);
            await using var browser = await HeadlessChromium.StartAsync(chromium, timeout.Token);
            var page = await PageLoader.LoadAsync(browser, file, timeout.Token);
            Assert.NotEmpty(page.Errors);
            Assert.Contains(page.Errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
            Assert.Equal(0, page.Images.Single().NaturalWidth);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertPng(byte[] png, int minWidth, int minHeight)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png.Take(8));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.True(width >= minWidth && height >= minHeight, $"The screenshot is {width}×{height}.");
        Assert.True(png.Length > 100_000, $"The screenshot is only {png.Length} bytes: a blank page?");
    }
}
