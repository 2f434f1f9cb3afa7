using System.Globalization;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

public sealed class PartitionProjectionTests
{
    private static Dictionary<string, string> Projection(TableDefinition table) =>
        table.Properties.Where(p => p.Key.StartsWith("projection.", StringComparison.Ordinal) || p.Key == "storage.location.template")
            .ToDictionary();

    [Fact]
    public void Default_daily_projection_enumerates_accounts_and_regions_and_projects_days_from_the_start_date_to_now()
    {
        var table = TableSamples.Table();

        Assert.Equal(new Dictionary<string, string>
        {
            ["projection.enabled"] = "true",
            ["projection.aws_account_id.type"] = "enum",
            ["projection.aws_account_id.values"] = "012345678901,210987654321",
            ["projection.aws_region.type"] = "enum",
            ["projection.aws_region.values"] = "eu-west-1,us-east-1",
            ["projection.day.type"] = "date",
            ["projection.day.format"] = "yyyy/MM/dd",
            ["projection.day.range"] = "2026/11/01,NOW",
            ["projection.day.interval"] = "1",
            ["projection.day.interval.unit"] = "DAYS",
            ["storage.location.template"] = "s3://flowlog-bucket/org/prod/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/",
        }, Projection(table));
    }

    [Fact]
    public void Default_hourly_projection_adds_a_two_digit_hour_from_0_to_23()
    {
        var table = TableSamples.Table(new SourceLayout(Partitioning: Partitioning.Hourly));

        var projection = Projection(table);
        Assert.Equal("integer", projection["projection.hour.type"]);
        Assert.Equal("0,23", projection["projection.hour.range"]);
        Assert.Equal("2", projection["projection.hour.digits"]);
        Assert.Equal("yyyy/MM/dd", projection["projection.day.format"]);
        Assert.Equal("s3://flowlog-bucket/org/prod/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/${hour}/",
            projection["storage.location.template"]);
    }

    [Theory]
    [InlineData(Partitioning.Daily, "s3://flowlog-bucket/org/prod/AWSLogs/aws-account-id=${aws_account_id}/aws-service=vpcflowlogs/aws-region=${aws_region}/${day}/")]
    [InlineData(Partitioning.Hourly, "s3://flowlog-bucket/org/prod/AWSLogs/aws-account-id=${aws_account_id}/aws-service=vpcflowlogs/aws-region=${aws_region}/${day}/hour=${hour}/")]
    public void Hive_projection_formats_the_day_as_its_year_month_and_day_folders(Partitioning partitioning, string template)
    {
        var table = TableSamples.Table(new SourceLayout(PrefixStyle.Hive, partitioning));

        var projection = Projection(table);
        Assert.Equal("date", projection["projection.day.type"]);
        Assert.Equal("'year='yyyy'/month='MM'/day='dd", projection["projection.day.format"]);
        Assert.Equal("year=2026/month=11/day=01,NOW", projection["projection.day.range"]);
        Assert.Equal(template, projection["storage.location.template"]);
        Assert.Equal(partitioning == Partitioning.Hourly, projection.ContainsKey("projection.hour.type"));
    }

    public static TheoryData<SourceLayout> Layouts => new(TableSamples.AllLayouts());

    /// <summary>Account, region and partition times chosen to catch padding and boundaries: January 9th, hour 0 and 23, a leap day.</summary>
    public static readonly DateTime[] SampleTimes =
    [
        new(2026, 1, 9, 0, 0, 0, DateTimeKind.Utc),
        new(2026, 11, 2, 13, 0, 0, DateTimeKind.Utc),
        new(2028, 2, 29, 23, 0, 0, DateTimeKind.Utc),
    ];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_location_template_filled_as_Athena_projects_it_is_the_folder_AWS_delivers_to(SourceLayout layout)
    {
        var projection = Projection(TableSamples.Table(layout));

        foreach (var time in SampleTimes)
            foreach (var region in new[] { "us-east-1", "ap-southeast-2" })
            {
                var partition = PartitionPaths.PartitionStart(layout.Partitioning, time);
                var location = AthenaProjectedLocation(projection, TableSamples.Account, region, partition);

                Assert.Equal($"{TableSamples.Root}/{PartitionPaths.PartitionPrefix(layout, TableSamples.Account, region, partition)}/", location);
            }
    }

    /// <summary>
    /// What Athena does with the properties alone: each key's value written by its projection (the date with the
    /// day format, the hour with its digits), then substituted into the template.
    /// </summary>
    private static string AthenaProjectedLocation(Dictionary<string, string> projection, string account, string region, DateTime partition)
    {
        var location = projection["storage.location.template"]
            .Replace("${aws_account_id}", account, StringComparison.Ordinal)
            .Replace("${aws_region}", region, StringComparison.Ordinal)
            .Replace("${day}", partition.ToString(projection["projection.day.format"], CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (projection.TryGetValue("projection.hour.digits", out var digits))
            location = location.Replace("${hour}", partition.Hour.ToString("D" + digits, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("${", location, StringComparison.Ordinal);
        return location;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_projected_range_starts_on_the_start_date_read_with_the_day_format(SourceLayout layout)
    {
        var projection = Projection(TableSamples.Table(layout));

        var start = projection["projection.day.range"].Split(',');
        Assert.Equal("NOW", start[1]);
        Assert.Equal(new DateTime(2026, 11, 1), DateTime.ParseExact(start[0], projection["projection.day.format"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Enumerated_accounts_and_regions_are_sorted_and_distinct_so_discovery_order_changes_nothing()
    {
        var shuffled = TableSamples.Projected with
        {
            Accounts = ["210987654321", TableSamples.Account, "210987654321"],
            Regions = ["us-east-1", "eu-west-1", "us-east-1"],
        };

        Assert.Empty(TableDiff.Compare(TableSamples.Table(options: shuffled), TableSamples.Table()));
    }

    [Fact]
    public void Explicit_partitions_leave_out_every_projection_property()
    {
        var table = TableSamples.Table(new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly), options: TableSamples.Explicit);

        Assert.Empty(Projection(table));
        Assert.False(table.IsProjected);
        Assert.True(TableSamples.Table().IsProjected);
    }

    [Fact]
    public void Projection_without_a_start_date_is_refused()
    {
        var error = Assert.Throws<TableDefinitionException>(() => TableSamples.Table(options: TableSamples.Projected with { StartDate = null }));

        Assert.Contains("needs a start date", error.Message);
    }

    [Theory]
    [InlineData("account id")]
    [InlineData("region")]
    public void Projection_without_accounts_or_regions_is_refused_saying_what_to_give(string what)
    {
        var options = what == "region" ? TableSamples.Projected with { Regions = [] } : TableSamples.Projected with { Accounts = [] };

        var error = Assert.Throws<TableDefinitionException>(() => TableSamples.Table(options: options));

        Assert.Contains($"needs the {what}s to enumerate", error.Message);
        Assert.Contains("register partitions explicitly", error.Message);
    }

    [Theory]
    [InlineData("12345678901", null)]
    [InlineData("0123456789012", null)]
    [InlineData("01234567890a", null)]
    [InlineData(null, "US-EAST-1")]
    [InlineData(null, "us-east")]
    [InlineData(null, "us-east-1,eu-west-1")]
    public void Values_that_are_not_account_ids_or_regions_are_refused(string? account, string? region)
    {
        var options = TableSamples.Projected with
        {
            Accounts = account is null ? TableSamples.Projected.Accounts : [account],
            Regions = region is null ? TableSamples.Projected.Regions : [region],
        };

        var error = Assert.Throws<TableDefinitionException>(() => TableSamples.Table(options: options));

        Assert.Contains($"'{account ?? region}' is not an AWS {(account is null ? "region" : "account id")}", error.Message);
    }

    [Theory]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-northwest-1")]
    [InlineData("ap-southeast-5")]
    public void Every_kind_of_region_name_is_accepted(string region)
    {
        var table = TableSamples.Table(options: TableSamples.Projected with { Regions = [region] });

        Assert.Equal(region, table.Properties["projection.aws_region.values"]);
    }
}
