namespace FlowLogAthena.Core.Tests.Running;

public sealed class ScanEstimateTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData(0L, 0.000048)]                 // 10 MB minimum: 10 × 2^20 / 2^40 × $5
    [InlineData(10L * 1024 * 1024, 0.000048)]
    [InlineData(10L * 1024 * 1024 + 1, 0.000052)] // rounded up to the next whole megabyte
    [InlineData(1L << 40, 5.0)]                // one terabyte
    public void Cost_follows_Athena_billing(long bytes, double expected) =>
        Assert.Equal((decimal)expected, Math.Round(AthenaCost.EstimateUsd(bytes), 6));

    [Fact]
    public async Task Counts_only_the_objects_under_the_window_partitions()
    {
        _root.Touch("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/a.log.gz", new string('x', 1000));
        _root.Touch("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/b.log.gz", new string('x', 500));
        _root.Touch("AWSLogs/012345678901/vpcflowlogs/eu-west-1/2026/11/03/c.log.gz", new string('x', 250));
        _root.Touch("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/04/d.log.gz", new string('x', 9999));

        var estimate = await ScanEstimate.ForAsync(new LocalLogFileLister(), new FlowLogSource(_root.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout),
            TimeWindow.Parse("2026-11-02", "2026-11-04"), CancellationToken.None);

        Assert.Equal((3, 1750L, 2), (estimate.Files, estimate.Bytes, estimate.Partitions));
        Assert.Equal([("012345678901", "eu-west-1"), ("012345678901", "us-east-1")], estimate.AccountsAndRegions);
        Assert.False(estimate.IsUpperBound);
    }
}
