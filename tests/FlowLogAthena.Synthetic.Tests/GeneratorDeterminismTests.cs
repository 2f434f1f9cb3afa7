using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratorDeterminismTests
{
    [Theory]
    [InlineData(LogFileFormat.Text)]
    [InlineData(LogFileFormat.Parquet)]
    public async Task The_same_seed_writes_byte_identical_files_whatever_the_parallelism(LogFileFormat fileFormat)
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        GeneratorOptions Options(string root, int parallelism) => new()
        {
            Root = root,
            Seed = 42,
            Records = 6_000,
            Format = AllFields,
            Window = Hours(0, 3),
            FilesPerPartition = 2,
            Layout = new SourceLayout(Partitioning: Partitioning.Hourly, FileFormat: fileFormat),
            MaxDegreeOfParallelism = parallelism,
        };

        var a = await FlowLogGenerator.GenerateAsync(Options(first.Path, 1));
        var b = await FlowLogGenerator.GenerateAsync(Options(second.Path, 4));

        Assert.Equal(a.Files.Select(f => f.RelativePath), b.Files.Select(f => f.RelativePath));
        foreach (var (x, y) in a.Files.Zip(b.Files))
            Assert.Equal(await File.ReadAllBytesAsync(x.Path), await File.ReadAllBytesAsync(y.Path));
    }

    [Fact]
    public async Task A_different_seed_writes_different_records_and_names()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var a = await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = first.Path, Seed = 1, Records = 1_000 });
        var b = await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = second.Path, Seed = 2, Records = 1_000 });

        Assert.NotEqual(a.Files.Select(f => Path.GetFileName(f.Path)), b.Files.Select(f => Path.GetFileName(f.Path)));
        var linesA = ReadGzipLines(a.Files[0].Path);
        var linesB = ReadGzipLines(b.Files[0].Path);
        Assert.Equal(linesA[0], linesB[0]); // same header
        Assert.NotEqual(linesA.Skip(1), linesB.Skip(1));
    }

    [Fact]
    public void A_seed_always_gives_the_same_keys()
    {
        var options = new GeneratorOptions { Root = "/data", Seed = 7, Records = 100 };

        var keys = FlowLogGenerator.Plan(options).Files.Select(f => f.RelativePath).ToList();

        // Golden keys: a change here means every benchmark data set and reference answer changes too.
        Assert.Equal(
        [
            "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-4dd4e960e2154bf52_20261102T2359Z_f80745d9.log.gz",
            "AWSLogs/012345678901/vpcflowlogs/eu-west-1/2026/11/02/012345678901_vpcflowlogs_eu-west-1_fl-29a9bd7ac372f6874_20261102T2359Z_e958650a.log.gz",
            "AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/02/123456789012_vpcflowlogs_us-east-1_fl-8469c0517fa8f2637_20261102T2359Z_63738bd1.log.gz",
            "AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/11/02/123456789012_vpcflowlogs_eu-west-1_fl-7281737b1528e3d07_20261102T2359Z_5a9e8148.log.gz",
        ], keys);
        Assert.Equal(Path.Combine(Path.GetFullPath("/data"), keys[0].Replace('/', Path.DirectorySeparatorChar)), FlowLogGenerator.Plan(options).Files[0].FullPath);
    }
}
