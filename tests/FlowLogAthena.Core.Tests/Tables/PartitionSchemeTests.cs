using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

public sealed class PartitionSchemeTests
{
    private static readonly DateTime Day = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(PrefixStyle.Default, Partitioning.Daily, "2026/11/02", null, "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/")]
    [InlineData(PrefixStyle.Default, Partitioning.Hourly, "2026/11/02", "07", "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/07/")]
    [InlineData(PrefixStyle.Hive, Partitioning.Daily, "year=2026/month=11/day=02", null,
        "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/")]
    [InlineData(PrefixStyle.Hive, Partitioning.Hourly, "year=2026/month=11/day=02", "07",
        "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/hour=07/")]
    public void An_explicit_partition_has_the_key_values_projection_would_give_and_the_folder_AWS_delivers_to(
        PrefixStyle prefix, Partitioning partitioning, string day, string? hour, string folder)
    {
        var layout = new SourceLayout(prefix, partitioning);
        var scheme = PartitionScheme.For(TableSamples.Source(layout));
        var start = partitioning == Partitioning.Hourly ? Day.AddHours(7) : Day;

        var partition = scheme.Partition(TableSamples.Account, "us-east-1", start);

        Assert.Equal(hour is null ? [TableSamples.Account, "us-east-1", day] : [TableSamples.Account, "us-east-1", day, hour], partition.Values);
        Assert.Equal($"{TableSamples.Root}/{folder}", partition.Location);
        Assert.Equal($"{TableSamples.Root}/{PartitionPaths.PartitionPrefix(layout, TableSamples.Account, "us-east-1", start)}/", partition.Location);
    }

    [Fact]
    public void Explicit_partition_values_line_up_with_the_table_partition_keys()
    {
        var source = TableSamples.Source(new SourceLayout(Partitioning: Partitioning.Hourly));
        var table = TableDefinition.For(source, TableSamples.Explicit);

        var partition = PartitionScheme.For(source).Partition(TableSamples.Account, "us-east-1", Day);

        Assert.Equal(table.PartitionKeys.Count, partition.Values.Count);
        Assert.Equal(["aws_account_id", "aws_region", "day", "hour"], table.PartitionKeys.Select(k => k.Name));
    }

    [Theory]
    [InlineData(Partitioning.Daily, 13)]
    [InlineData(Partitioning.Hourly, 0.5)]
    public void A_time_that_does_not_start_a_partition_is_refused(Partitioning partitioning, double hours)
    {
        var scheme = PartitionScheme.For(TableSamples.Source(new SourceLayout(Partitioning: partitioning)));

        var error = Assert.Throws<ArgumentException>(() => scheme.Partition(TableSamples.Account, "us-east-1", Day.AddHours(hours)));

        Assert.Contains($"is not the UTC start of a {partitioning.ToString().ToLowerInvariant()} partition", error.Message);
    }

    [Fact]
    public void A_local_time_is_refused()
    {
        var scheme = PartitionScheme.For(TableSamples.Source());

        Assert.Throws<ArgumentException>(() => scheme.Partition(TableSamples.Account, "us-east-1", DateTime.SpecifyKind(Day, DateTimeKind.Local)));
    }

    [Theory]
    [InlineData(PrefixStyle.Default, "yyyy/MM/dd", "2026/01/09")]
    [InlineData(PrefixStyle.Hive, "'year='yyyy'/month='MM'/day='dd", "year=2026/month=01/day=09")]
    public void Day_values_follow_the_layout_day_format(PrefixStyle prefix, string format, string value)
    {
        Assert.Equal(format, PartitionScheme.DayFormatFor(prefix));
        Assert.Equal(value, PartitionScheme.DayValue(prefix, new DateTime(2026, 1, 9, 17, 0, 0, DateTimeKind.Utc)));
    }

    /// <summary>
    /// On the default layout the Athena partition predicate compares <c>day</c> and <c>hour</c> with exactly the
    /// values the projection produces, so Athena prunes to the window's folders. (A Hive layout needs the
    /// renderer to write its day literals with <see cref="PartitionScheme.DayFormatFor"/>.)
    /// </summary>
    [Fact]
    public void The_Athena_partition_predicate_on_the_default_layout_uses_the_projected_day_and_hour_values()
    {
        var window = TimeWindow.Parse("2026-11-02T22:00:00Z", "2026-11-03T02:00:00Z");

        var predicate = AthenaSqlHelpers.Instance.PartitionPredicate(window, Partitioning.Hourly);

        var (first, last) = (window.From, window.To.AddHours(-1));
        Assert.Contains($"\"day\" BETWEEN '{PartitionScheme.DayValue(PrefixStyle.Default, first)}' AND '{PartitionScheme.DayValue(PrefixStyle.Default, last)}'", predicate);
        Assert.Contains($"\"hour\" >= '{PartitionScheme.HourValue(first)}'", predicate);
        Assert.Contains($"\"hour\" <= '{PartitionScheme.HourValue(last)}'", predicate);
    }
}
