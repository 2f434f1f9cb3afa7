using FlowLogAthena.Core.Compaction;

namespace FlowLogAthena.Core.Tests.Compaction;

public sealed class TwinLayoutTests
{
    private static readonly FlowLogSource Text = new("s3://bucket/logs", FlowLogFormat.Default, new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly));

    [Fact]
    public void The_twin_is_a_parquet_source_in_default_prefixes_with_the_texts_format_and_partitioning()
    {
        var twin = TwinLayout.For(Text, "s3://bucket/twin/");

        Assert.Equal("s3://bucket/twin", twin.Root);
        Assert.Equal(Text.Format, twin.Format);
        Assert.Equal(new SourceLayout(PrefixStyle.Default, Partitioning.Hourly, LogFileFormat.Parquet), twin.Layout);
    }

    [Theory]
    [InlineData("s3://bucket/logs")]
    [InlineData("s3://bucket/logs/")]
    [InlineData("s3://bucket/logs/AWSLogs")]
    [InlineData("s3://bucket/logs/AWSLogs/twin")]
    public void A_twin_that_is_the_text_source_or_inside_its_logs_is_refused(string root)
    {
        var error = Assert.Throws<UsageException>(() => TwinLayout.For(Text, root));
        Assert.Contains("overlaps the text source s3://bucket/logs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_twin_above_the_text_source_is_accepted_as_its_logs_do_not_meet() =>
        Assert.Equal("s3://bucket", TwinLayout.For(Text, "s3://bucket").Root); // s3://bucket/AWSLogs/ beside s3://bucket/logs/AWSLogs/

    [Fact]
    public void A_text_source_inside_the_twins_logs_is_refused() =>
        Assert.Throws<UsageException>(() => TwinLayout.For(Text with { Root = "s3://bucket/twin/AWSLogs/old" }, "s3://bucket/twin"));

    [Fact]
    public void Object_keys_are_fixed_per_partition_and_index_in_aws_default_prefixes()
    {
        var twin = TwinLayout.For(Text, "s3://bucket/twin");
        var start = new DateTime(2026, 11, 2, 5, 0, 0, DateTimeKind.Utc);

        Assert.Equal("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/05/012345678901_vpcflowlogs_us-east-1_twin_20261102T05_0003.log.parquet",
            TwinLayout.ObjectKey(twin.Layout, "012345678901", "us-east-1", start, 3));
        Assert.Equal("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_twin_20261102_0000.log.parquet",
            TwinLayout.ObjectKey(twin.Layout with { Partitioning = Partitioning.Daily }, "012345678901", "us-east-1", start.Date, 0));
        Assert.Equal("_flowlog-athena/compacted/2026-11-02.json", TwinLayout.MarkerKey(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void The_days_of_a_window_are_those_it_touches()
    {
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2)], TwinLayout.DaysOf(TimeWindow.Parse("2026-11-01", "2026-11-03")));
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2)], TwinLayout.DaysOf(TimeWindow.Parse("2026-11-01T23:00:00Z", "2026-11-02T01:00:00Z")));
    }

    [Fact]
    public void The_fingerprint_changes_with_a_name_size_version_or_format_and_not_with_order()
    {
        var a = new LogFile("s3://b/a.log.gz", "012345678901", "us-east-1", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), 10, "\"e1\"");
        var b = a with { Path = "s3://b/b.log.gz" };
        var fingerprint = TwinDayMarker.FingerprintOf(FlowLogFormat.Default, [a, b]);

        Assert.Equal(fingerprint, TwinDayMarker.FingerprintOf(FlowLogFormat.Default, [b, a]));
        Assert.NotEqual(fingerprint, TwinDayMarker.FingerprintOf(FlowLogFormat.Default, [a]));
        Assert.NotEqual(fingerprint, TwinDayMarker.FingerprintOf(FlowLogFormat.Default, [a with { SizeBytes = 11 }, b]));
        Assert.NotEqual(fingerprint, TwinDayMarker.FingerprintOf(FlowLogFormat.Default, [a with { Version = "\"e2\"" }, b]));
        Assert.NotEqual(fingerprint, TwinDayMarker.FingerprintOf(FlowLogFormat.AllVpcFields, [a, b]));
    }
}
