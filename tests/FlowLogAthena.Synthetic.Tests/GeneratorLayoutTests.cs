using System.Text.RegularExpressions;
using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratorLayoutTests
{
    [Theory]
    [InlineData(PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Text,
        @"AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0200Z_[0-9a-f]{8}\.log\.gz")]
    [InlineData(PrefixStyle.Default, Partitioning.Hourly, LogFileFormat.Text,
        @"AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/01/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0159Z_[0-9a-f]{8}\.log\.gz")]
    [InlineData(PrefixStyle.Hive, Partitioning.Daily, LogFileFormat.Text,
        @"AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0200Z_[0-9a-f]{8}\.log\.gz")]
    [InlineData(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet,
        @"AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/hour=01/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0159Z_[0-9a-f]{8}\.log\.parquet")]
    [InlineData(PrefixStyle.Default, Partitioning.Hourly, LogFileFormat.Parquet,
        @"AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/01/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0159Z_[0-9a-f]{8}\.log\.parquet")]
    [InlineData(PrefixStyle.Hive, Partitioning.Daily, LogFileFormat.Parquet,
        @"AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0200Z_[0-9a-f]{8}\.log\.parquet")]
    [InlineData(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Text,
        @"AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/hour=01/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0159Z_[0-9a-f]{8}\.log\.gz")]
    [InlineData(PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet,
        @"AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20261102T0200Z_[0-9a-f]{8}\.log\.parquet")]
    public async Task Files_are_written_at_the_keys_AWS_uses_for_each_layout(PrefixStyle prefix, Partitioning partitioning, LogFileFormat format, string expectedKeyOfFirstAccountAndRegion)
    {
        using var temp = new TempFolder();
        var options = new GeneratorOptions
        {
            Root = temp.Path,
            Layout = new SourceLayout(prefix, partitioning, format),
            Window = Hours(0, 2),
            Records = 400,
        };

        var summary = await FlowLogGenerator.GenerateAsync(options);

        var keys = summary.Files.Select(f => f.RelativePath).ToList();
        var partitionsPerAccountRegion = partitioning == Partitioning.Hourly ? 2 : 1;
        Assert.Equal(2 * 2 * partitionsPerAccountRegion, keys.Count);
        Assert.Contains(keys, k => Regex.IsMatch(k, "^" + expectedKeyOfFirstAccountAndRegion + "$"));
        foreach (var file in summary.Files)
        {
            Assert.True(File.Exists(file.Path), file.Path);
            Assert.Equal(Path.Combine(temp.Path, file.RelativePath.Replace('/', Path.DirectorySeparatorChar)), file.Path);
        }
    }

    [Fact]
    public async Task Hourly_files_are_named_after_their_slice_end_kept_inside_the_hour()
    {
        using var temp = new TempFolder();
        var options = new GeneratorOptions
        {
            Root = temp.Path,
            Layout = new SourceLayout(Partitioning: Partitioning.Hourly),
            Window = Hours(0, 1),
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
            FilesPerPartition = 3,
            Records = 300,
        };

        var summary = await FlowLogGenerator.GenerateAsync(options);

        // Slices end at 00:20, 00:40 and 01:00; the last one is stamped 00:59 so it stays in the 00 hour.
        var stamps = summary.Files.Select(f => Regex.Match(f.RelativePath, @"_(\d{8}T\d{4}Z)_").Groups[1].Value).ToList();
        Assert.Equal(["20261102T0020Z", "20261102T0040Z", "20261102T0059Z"], stamps);
        Assert.All(summary.Files, f => Assert.StartsWith("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/00/", f.RelativePath));
    }

    [Fact]
    public void A_window_that_cuts_partitions_gives_each_file_only_its_part()
    {
        var window = new TimeWindow(new DateTime(2026, 11, 2, 10, 30, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 12, 15, 0, DateTimeKind.Utc));
        var options = new GeneratorOptions
        {
            Root = "unused",
            Layout = new SourceLayout(Partitioning: Partitioning.Hourly),
            Window = window,
            Accounts = ["012345678901"],
            Regions = ["eu-west-1"],
            Records = 7_000,
        };

        var files = FlowLogGenerator.Plan(options).Files;

        Assert.Equal(["T1059Z", "T1159Z", "T1215Z"], files.Select(f => f.FileName.Split('_')[4][8..]).ToArray());
        Assert.Equal([new DateTime(2026, 11, 2, 10, 30, 0), new DateTime(2026, 11, 2, 11, 0, 0), new DateTime(2026, 11, 2, 12, 0, 0)],
            files.Select(f => f.SliceStartUtc).ToArray());
        // Records follow duration: 30, 60 and 15 minutes of 105.
        Assert.Equal([2_000L, 4_000L, 1_000L], files.Select(f => f.RecordCount).ToArray());
    }

    [Fact]
    public async Task Generated_files_are_found_by_the_local_lister_in_every_layout()
    {
        foreach (var layout in new[] { new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly), new SourceLayout(FileFormat: LogFileFormat.Parquet) })
        {
            using var temp = new TempFolder();
            var options = new GeneratorOptions { Root = temp.Path, Layout = layout, Window = Hours(5, 7), Records = 200 };
            var summary = await FlowLogGenerator.GenerateAsync(options);

            var listed = await new LocalLogFileLister().ListAsync(new FlowLogSource(temp.Path, options.Format, layout), options.Window, CancellationToken.None);

            Assert.Equal(summary.Files.Select(f => f.Path).Order(), listed.Select(f => f.Path).Order());
            Assert.Contains(listed, f => f.Account == "012345678901");
        }
    }

    [Fact]
    public async Task No_temporary_files_are_left_behind()
    {
        using var temp = new TempFolder();
        var options = new GeneratorOptions { Root = temp.Path, Window = Hours(0, 3), Layout = new SourceLayout(Partitioning: Partitioning.Hourly), Records = 600, FilesPerPartition = 2 };

        await FlowLogGenerator.GenerateAsync(options);
        await FlowLogGenerator.GenerateAsync(options); // a second run replaces the files in place

        var all = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories);
        Assert.Equal(2 * 2 * 3 * 2, all.Length);
        Assert.DoesNotContain(all, f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_run_leaves_no_partial_files()
    {
        using var temp = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var options = new GeneratorOptions { Root = temp.Path, Records = 2_000_000, MaxDegreeOfParallelism = 1 };
        var progress = new SynchronousProgress(_ => cancellation.Cancel());
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FlowLogGenerator.GenerateAsync(options, progress, cancellation.Token));

        var left = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(left, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.True(left.Length < 4, "a cancelled run should stop before writing every file");
    }

    private sealed class SynchronousProgress(Action<GeneratorProgress> onReport) : IProgress<GeneratorProgress>
    {
        public void Report(GeneratorProgress value) => onReport(value);
    }
}
