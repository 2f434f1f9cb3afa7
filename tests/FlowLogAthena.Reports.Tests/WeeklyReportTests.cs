using System.Globalization;
using FlowLogAthena.Reports.Sections;

namespace FlowLogAthena.Reports.Tests;

/// <summary>The report over two generated weeks on the local engine: its CSVs, and the page's numbers against them.</summary>
[Collection(SharedGeneratedWeeks.Name)]
public sealed class WeeklyReportTests(GeneratedWeeks weeks)
{
    private string Html => File.ReadAllText(weeks.WithPrevious.HtmlPath);

    private CsvFile Csv(string relative) => CsvFile.Read(Path.Combine(weeks.WithPreviousFolder, relative));

    [Fact]
    public void Every_query_ran_for_both_weeks_and_each_wrote_a_csv_with_its_output_columns()
    {
        var outcomes = weeks.WithPrevious.Outcomes;
        Assert.All(outcomes, o => Assert.Equal(QueryStatus.Ok, o.Status));
        Assert.Equal(2 * ReportQuerySpec.Vpc.Count, outcomes.Count); // each query of a VPC log's report once per week
        Assert.Equal(5, ReportQuerySpec.Vpc.Count);
        foreach (var o in outcomes)
        {
            var csv = Csv(o.File!);
            var query = GeneratedWeeks.Catalog.Get(o.Spec.QualifiedId);
            Assert.Equal(query.Output.Select(c => c.Name), csv.Header);
            Assert.Equal(o.Table.Rows.Count, csv.Rows.Count);
        }
        Assert.True(File.Exists(Path.Combine(weeks.WithPreviousFolder, "this-week", "security", "rejects-per-day.csv")));
        Assert.True(File.Exists(Path.Combine(weeks.WithPreviousFolder, "previous-week", "cost", "egress-cost.csv")));
        Assert.Empty(Directory.EnumerateFiles(weeks.WithPreviousFolder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_summary_lists_every_run_with_its_file()
    {
        var summary = CsvFile.Read(weeks.WithPrevious.SummaryPath);
        Assert.Equal(["week", "query", "from", "to", "status", "rows", "file", "reason"], summary.Header);
        Assert.Equal(weeks.WithPrevious.Outcomes.Count, summary.Rows.Count);
        Assert.All(summary.Rows, r => Assert.True(File.Exists(Path.Combine(weeks.WithPreviousFolder, r[6]))));
    }

    [Fact]
    public void Total_bytes_of_each_week_on_the_page_are_the_sums_of_the_hourly_traffic_csvs()
    {
        var thisWeek = Csv("this-week/capacity/hourly-traffic.csv").SumLong("bytes");
        var previousWeek = Csv("previous-week/capacity/hourly-traffic.csv").SumLong("bytes");
        Assert.True(thisWeek > 0 && previousWeek > 0);

        var total = PageReader.Row(Html, "bytes-by-vpc", "total");
        Assert.Equal(thisWeek.ToString(CultureInfo.InvariantCulture), total[1].Value);
        Assert.Equal(thisWeek.ToString("#,0", CultureInfo.InvariantCulture), total[1].Text);
        Assert.Equal(previousWeek.ToString(CultureInfo.InvariantCulture), total[2].Value);
        Assert.Equal(NumberText.Change(thisWeek, previousWeek), total[3].Text);
        // The days add up to the same week.
        Assert.Equal(thisWeek, PageReader.Rows(Html, "bytes-by-day").Sum(r => long.Parse(r[1].Value!, CultureInfo.InvariantCulture)));
        Assert.Equal(7, PageReader.Rows(Html, "bytes-by-day").Count);
    }

    [Fact]
    public void Rejects_per_day_on_the_page_are_the_csv_rows_of_each_week()
    {
        var thisWeek = RejectsByDay(Csv("this-week/security/rejects-per-day.csv"));
        var previousWeek = RejectsByDay(Csv("previous-week/security/rejects-per-day.csv"));
        var rows = PageReader.Rows(Html, "rejects-table");
        Assert.Equal(8, rows.Count); // seven days and the total
        var day = 0;
        foreach (var date in Enumerable.Range(9, 7).Select(d => new DateOnly(2026, 11, d)))
        {
            Assert.Equal(NumberText.Day(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), rows[day][0].Text);
            Assert.Equal(thisWeek.GetValueOrDefault(date).ToString(CultureInfo.InvariantCulture), rows[day][1].Value);
            Assert.Equal(previousWeek.GetValueOrDefault(date.AddDays(-7)).ToString(CultureInfo.InvariantCulture), rows[day][2].Value);
            day++;
        }
        var total = PageReader.Row(Html, "rejects-table", "total");
        Assert.Equal(thisWeek.Values.Sum().ToString(CultureInfo.InvariantCulture), total[1].Value);
        Assert.Equal(previousWeek.Values.Sum().ToString(CultureInfo.InvariantCulture), total[2].Value);
        Assert.NotEqual("0", total[1].Value);
    }

    [Fact]
    public void Rejects_per_day_on_the_page_equal_the_rejected_records_the_generator_wrote()
    {
        var thisWeek = weeks.RejectsPerDayFromRecords(GeneratedWeeks.SecondWeek);
        var previousWeek = weeks.RejectsPerDayFromRecords(GeneratedWeeks.FirstWeek);
        Assert.Equal(7, thisWeek.Count); // every day has rejects, so a day the query dropped would show here
        var rows = PageReader.Rows(Html, "rejects-table");
        for (var day = 0; day < 7; day++)
        {
            var date = new DateOnly(2026, 11, 9 + day);
            Assert.Equal(thisWeek[date].ToString(CultureInfo.InvariantCulture), rows[day][1].Value);
            Assert.Equal(previousWeek[date.AddDays(-7)].ToString(CultureInfo.InvariantCulture), rows[day][2].Value);
        }
    }

    [Fact]
    public async Task Days_without_rejects_show_as_zero_and_a_window_off_midnight_counts_its_first_part_day()
    {
        // Noon to noon, running three and a half days past the logs' end (2026-11-16): the first day is a half day,
        // and the last five have no records, so the query has no row for them.
        var window = TimeWindow.Parse("2026-11-13T12:00:00Z", "2026-11-20T12:00:00Z");
        var result = await GeneratedWeeks.RunAsync(weeks.Source, window, Path.Combine(weeks.Root, "report-past-the-logs"));
        Assert.All(result.Outcomes, o => Assert.Equal(QueryStatus.Ok, o.Status));
        Assert.Equal(3, CsvFile.Read(Path.Combine(weeks.Root, "report-past-the-logs", "this-week", "security", "rejects-per-day.csv")).Rows.Count);

        var expected = weeks.RejectsPerDayFromRecords(window);
        var rows = PageReader.Rows(File.ReadAllText(result.HtmlPath), "rejects-table");
        var days = Enumerable.Range(13, 8).Select(d => new DateOnly(2026, 11, d)).ToList();
        Assert.Equal(days.Count + 1, rows.Count);
        for (var i = 0; i < days.Count; i++)
            Assert.Equal(expected.GetValueOrDefault(days[i]).ToString(CultureInfo.InvariantCulture), rows[i][1].Value);
        Assert.True(expected[days[0]] > 0);
        Assert.All(rows.Skip(3).Take(5), r => Assert.Equal("0", r[1].Value));
    }

    /// <summary>rejected_flows by the UTC date of day_start.</summary>
    private static Dictionary<DateOnly, long> RejectsByDay(CsvFile csv) =>
        csv.Column("day_start").Zip(csv.Column("rejected_flows"))
            .ToDictionary(p => DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(long.Parse(p.First, CultureInfo.InvariantCulture))),
                p => long.Parse(p.Second, CultureInfo.InvariantCulture));

    [Fact]
    public void Egress_cost_totals_are_the_exact_decimal_sums_of_the_csv()
    {
        var costs = Csv("this-week/cost/egress-cost.csv");
        var total = costs.SumDecimal("cost_usd");
        Assert.True(total > 0);
        Assert.Equal(total, decimal.Parse(PageReader.Row(Html, "egress-by-class", "total")[1].Value!, CultureInfo.InvariantCulture));
        Assert.Equal(total, decimal.Parse(PageReader.Row(Html, "egress-by-cost-center", "total")[1].Value!, CultureInfo.InvariantCulture));
        var internet = costs.Rows.Where(r => r[costs.Header.ToList().IndexOf("egress_class")] == "internet")
            .Sum(r => decimal.Parse(r[costs.Header.ToList().IndexOf("cost_usd")], CultureInfo.InvariantCulture));
        Assert.Equal(internet, decimal.Parse(PageReader.Row(Html, "egress-by-class", "internet")[1].Value!, CultureInfo.InvariantCulture));
        var previous = Csv("previous-week/cost/egress-cost.csv").SumDecimal("cost_usd");
        Assert.Equal(previous, decimal.Parse(PageReader.Row(Html, "egress-by-class", "total")[2].Value!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Where_egress_goes_sums_bytes_and_cost_by_class_service_and_region_and_says_when_regions_are_unknown()
    {
        var costs = Csv("this-week/cost/egress-cost.csv");
        var header = costs.Header.ToList();
        string Key(IReadOnlyList<string> row) => string.Join(" · ",
            new[] { "egress_class", "aws_service", "destination_region" }.Select(c => row[header.IndexOf(c)]).Where(v => v.Length > 0));
        var groups = costs.Rows.GroupBy(Key).ToList();
        Assert.True(groups.Count > 2, "several destinations");
        foreach (var group in groups)
        {
            Assert.Equal(group.Sum(r => decimal.Parse(r[header.IndexOf("bytes")], CultureInfo.InvariantCulture)),
                decimal.Parse(PageReader.Row(Html, "egress-destinations-bytes", group.Key)[1].Value!, CultureInfo.InvariantCulture));
            Assert.Equal(group.Sum(r => decimal.Parse(r[header.IndexOf("cost_usd")], CultureInfo.InvariantCulture)),
                decimal.Parse(PageReader.Row(Html, "egress-destinations-cost", group.Key)[1].Value!, CultureInfo.InvariantCulture));
        }
        Assert.Equal(costs.SumDecimal("cost_usd"), decimal.Parse(PageReader.Row(Html, "egress-destinations-cost", "total")[1].Value!, CultureInfo.InvariantCulture));
        // The report's data has no address ranges: AWS destinations named by pkt-dst-aws-service have no region, and the page says how to fix it.
        Assert.Contains(groups, g => g.Key.StartsWith("aws-unknown-region · ", StringComparison.Ordinal));
        Assert.Contains("ranges update", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_talkers_and_capacity_rows_are_the_csv_rows()
    {
        var talkers = Csv("this-week/traffic/top-talkers.csv");
        var page = PageReader.Rows(Html, "top-talkers-table");
        Assert.Equal(talkers.Rows.Select(r => $"{r[0]} → {r[1]}"), page.Select(r => r[0].Text));
        Assert.Equal(talkers.Column("bytes"), page.Select(r => r[1].Value));
        // A pair in both weeks' top lists shows the previous week's bytes; the others say why not.
        var previous = Csv("previous-week/traffic/top-talkers.csv").Rows.ToDictionary(r => $"{r[0]} → {r[1]}", r => r[2]);
        foreach (var row in page)
            Assert.Equal(previous.GetValueOrDefault(row[0].Text), row[2].Value);
        Assert.Contains(page, r => r[2].Text == "not in the previous top 10");

        var peaks = Csv("this-week/capacity/capacity-peaks.csv");
        var capacity = PageReader.Rows(Html, "capacity-table");
        Assert.Equal(peaks.Rows.Count, capacity.Count);
        foreach (var row in peaks.Rows)
        {
            var shown = capacity.Single(c => c[0].Text == row[1]);
            Assert.Equal(row[peaks.Header.ToList().IndexOf("p95_hourly_bytes")], shown[1].Value);
            Assert.Equal(row[peaks.Header.ToList().IndexOf("peak_hour_start")], shown[4].Value);
            Assert.Equal(row[peaks.Header.ToList().IndexOf("peak_hour_bytes")], shown[5].Value);
        }
    }

    [Fact]
    public void The_previous_week_is_compared_when_it_has_data()
    {
        Assert.True(weeks.WithPrevious.PreviousWeekHasData);
        Assert.DoesNotContain("no-previous-week", Html, StringComparison.Ordinal);
        foreach (var table in new[] { "bytes-by-vpc", "bytes-by-day", "top-talkers-table", "rejects-table", "egress-by-class", "egress-by-cost-center" })
            Assert.Equal("change", PageReader.Headers(Html, table)[^1]);
        Assert.Contains("p95, previous week", PageReader.Headers(Html, "capacity-table"));
    }

    [Fact]
    public void The_first_week_of_logs_says_no_previous_week_and_compares_nothing()
    {
        var html = File.ReadAllText(weeks.WithoutPrevious.HtmlPath);
        Assert.False(weeks.WithoutPrevious.PreviousWeekHasData);
        Assert.Contains("<p class=\"no-previous\" id=\"no-previous-week\">No previous week: no flow log data for [2026-10-26T00:00:00Z, 2026-11-02T00:00:00Z)", html, StringComparison.Ordinal);
        Assert.Equal(["VPC", "bytes, this week"], PageReader.Headers(html, "bytes-by-vpc"));
        Assert.DoesNotContain("previous week", string.Join("|", PageReader.Headers(html, "rejects-table")), StringComparison.Ordinal);
        Assert.All(weeks.WithoutPrevious.Outcomes.Where(o => o.Week == ReportWeek.Previous), o => Assert.Equal(QueryStatus.NoData, o.Status));
        Assert.All(weeks.WithoutPrevious.Outcomes.Where(o => o.Week == ReportWeek.This), o => Assert.Equal(QueryStatus.Ok, o.Status));
        Assert.False(Directory.Exists(Path.Combine(weeks.FirstWeekFolder, "previous-week")));
    }

    [Fact]
    public void Every_chart_is_an_embedded_png_and_the_page_loads_nothing_from_outside()
    {
        var images = System.Text.RegularExpressions.Regex.Matches(Html, "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]+)\">");
        Assert.Equal(8, images.Count); // bytes per day, top talkers, rejects, egress by class, by cost center and by destination, p95, peak
        foreach (System.Text.RegularExpressions.Match image in images)
        {
            var png = Convert.FromBase64String(image.Groups[1].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
            Assert.Equal(960, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.True(png.Length > 5_000, $"{image.Groups[2].Value} is only {png.Length} bytes");
        }
        Assert.DoesNotContain("http://", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'; img-src data:", Html, StringComparison.Ordinal);
    }
}
