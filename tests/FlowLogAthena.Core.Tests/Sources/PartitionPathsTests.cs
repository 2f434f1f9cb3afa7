namespace FlowLogAthena.Core.Tests.Sources;

public class PartitionPathsTests
{
    private static readonly DateTime Hour13 = new(2026, 11, 2, 13, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(PrefixStyle.Default, Partitioning.Daily, "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02")]
    [InlineData(PrefixStyle.Default, Partitioning.Hourly, "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/13")]
    [InlineData(PrefixStyle.Hive, Partitioning.Daily, "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02")]
    [InlineData(PrefixStyle.Hive, Partitioning.Hourly, "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/hour=13")]
    public void Partition_prefixes_follow_AWS_delivery(PrefixStyle style, Partitioning partitioning, string expected)
    {
        var layout = new SourceLayout(style, partitioning);
        Assert.Equal(expected, PartitionPaths.PartitionPrefix(layout, "012345678901", "us-east-1", PartitionPaths.PartitionStart(partitioning, Hour13.AddMinutes(17))));
    }

    [Theory]
    [InlineData(LogFileFormat.Text, "012345678901_vpcflowlogs_us-east-1_fl-0abc_20261102T1315Z_1a2b3c4d.log.gz")]
    [InlineData(LogFileFormat.Parquet, "012345678901_vpcflowlogs_us-east-1_fl-0abc_20261102T1315Z_1a2b3c4d.log.parquet")]
    public void File_names_follow_AWS_delivery(LogFileFormat fileFormat, string expected) =>
        Assert.Equal(expected, PartitionPaths.FileName(new SourceLayout(FileFormat: fileFormat), "012345678901", "us-east-1", "fl-0abc", Hour13.AddMinutes(15), "1a2b3c4d"));

    [Fact]
    public void Partitions_overlapping_a_window_cover_exactly_its_days()
    {
        var days = PartitionPaths.PartitionsOverlapping(Partitioning.Daily, new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 4, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal([new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc)], days);
    }

    [Fact]
    public void Partitions_overlapping_a_partial_window_include_the_partial_hours()
    {
        var hours = PartitionPaths.PartitionsOverlapping(Partitioning.Hourly, Hour13.AddMinutes(30), Hour13.AddHours(2).AddMinutes(1)).ToList();
        Assert.Equal([Hour13, Hour13.AddHours(1), Hour13.AddHours(2)], hours);
    }
}
