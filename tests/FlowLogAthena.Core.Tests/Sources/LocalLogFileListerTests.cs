namespace FlowLogAthena.Core.Tests.Sources;

public sealed class LocalLogFileListerTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly LocalLogFileLister _lister = new();

    public void Dispose() => _root.Dispose();

    private FlowLogSource Source(SourceLayout layout) => new(_root.Path, FlowLogFormat.Default, layout);

    [Fact]
    public async Task Lists_only_the_partitions_inside_the_window_for_every_account_and_region()
    {
        foreach (var account in new[] { "012345678901", "210987654321" })
            foreach (var region in new[] { "us-east-1", "eu-west-1" })
                foreach (var day in new[] { "01", "02", "03", "04" })
                    _root.Touch($"AWSLogs/{account}/vpcflowlogs/{region}/2026/11/{day}/{account}_vpcflowlogs_{region}_fl-1_202611{day}T0100Z_abcd.log.gz");
        _root.Touch("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/notes.txt");

        var files = await _lister.ListAsync(Source(SourceLayout.DefaultLayout), TimeWindow.Parse("2026-11-02", "2026-11-04"), CancellationToken.None);

        Assert.Equal(8, files.Count);
        Assert.All(files, f => Assert.True(f.PartitionStartUtc.Day is 2 or 3));
        Assert.Contains(files, f => f.Account == "012345678901" && f.Region == "eu-west-1");
        Assert.All(files, f => Assert.EndsWith(".log.gz", f.Path));
    }

    [Fact]
    public async Task Hive_hourly_layout_is_pruned_to_the_hours_of_the_window()
    {
        for (var hour = 0; hour < 24; hour++)
            _root.Touch($"AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/hour={hour:00}/f{hour}.log.parquet");
        var layout = new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet);

        var files = await _lister.ListAsync(Source(layout), TimeWindow.Parse("2026-11-02T10:30:00Z", "2026-11-02T12:00:00Z"), CancellationToken.None);

        Assert.Equal(["f10.log.parquet", "f11.log.parquet"], files.Select(f => Path.GetFileName(f.Path)));
        Assert.All(files, f => Assert.Equal(("012345678901", "us-east-1"), (f.Account, f.Region)));
    }

    [Fact]
    public async Task A_missing_folder_is_named()
    {
        var missing = _root.Combine("nope");
        var error = await Assert.ThrowsAsync<SourceException>(() => _lister.ListAsync(Source(SourceLayout.DefaultLayout) with { Root = missing }, TimeWindow.Parse("2026-11-02", "2026-11-03"), CancellationToken.None));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task A_folder_without_AWSLogs_says_where_to_point()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => _lister.ListAsync(Source(SourceLayout.DefaultLayout), TimeWindow.Parse("2026-11-02", "2026-11-03"), CancellationToken.None));
        Assert.Contains("has no AWSLogs/ folder", error.Message);
    }

    [Fact]
    public async Task The_wrong_layout_suggests_the_other_one()
    {
        _root.Touch("AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/f.log.gz");
        var error = await Assert.ThrowsAsync<SourceException>(() => _lister.ListAsync(Source(SourceLayout.DefaultLayout), TimeWindow.Parse("2026-11-02", "2026-11-03"), CancellationToken.None));
        Assert.Contains("--layout hive", error.Message);
    }

    [Fact]
    public async Task A_log_file_that_is_a_symlink_loop_is_named()
    {
        var day = _root.Combine("AWSLogs", "012345678901", "vpcflowlogs", "us-east-1", "2026", "11", "02");
        Directory.CreateDirectory(day);
        var loop = Path.Combine(day, "a.log.gz");
        File.CreateSymbolicLink(loop, Path.Combine(day, "b.log.gz"));
        File.CreateSymbolicLink(Path.Combine(day, "b.log.gz"), loop);

        var error = await Assert.ThrowsAsync<SourceException>(() => _lister.ListAsync(Source(SourceLayout.DefaultLayout), TimeWindow.Parse("2026-11-02", "2026-11-03"), CancellationToken.None));

        Assert.Contains("symbolic link", error.Message);
        Assert.Contains("cannot be followed", error.Message);
    }

    [Fact]
    public async Task A_partition_folder_that_is_a_symlink_loop_is_named_not_skipped()
    {
        var month = _root.Combine("AWSLogs", "012345678901", "vpcflowlogs", "us-east-1", "2026", "11");
        Directory.CreateDirectory(month);
        Directory.CreateSymbolicLink(Path.Combine(month, "02"), Path.Combine(month, "02"));

        var error = await Assert.ThrowsAsync<SourceException>(() => _lister.ListAsync(Source(SourceLayout.DefaultLayout), TimeWindow.Parse("2026-11-02", "2026-11-03"), CancellationToken.None));

        Assert.Contains(Path.Combine(month, "02"), error.Message);
        Assert.Contains("cannot be followed", error.Message);
    }

    [Fact]
    public async Task Names_holding_glob_characters_are_listed_once_each_as_written()
    {
        foreach (var name in new[] { "a[1].log.gz", "a1.log.gz", "b*.log.gz", "c?.log.gz", "d{x,y}.log.gz" })
            _root.Touch($"AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/{name}");

        var files = await _lister.ListAsync(Source(SourceLayout.DefaultLayout), TimeWindow.Parse("2026-11-02", "2026-11-03"), CancellationToken.None);

        Assert.Equal(["a1.log.gz", "a[1].log.gz", "b*.log.gz", "c?.log.gz", "d{x,y}.log.gz"], files.Select(f => Path.GetFileName(f.Path)));
    }
}
