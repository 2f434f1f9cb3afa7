using FlowLogAthena.Core.Generation;
using FlowLogAthena.Core.Sources;
using static FlowLogAthena.Core.Tests.Generation.GeneratorTestSupport;

namespace FlowLogAthena.Core.Tests.Generation;

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
            Root = root, Seed = 42, Records = 6_000, Format = AllFields, Window = Hours(0, 3), FilesPerPartition = 2,
            Layout = new SourceLayout(Partitioning: Partitioning.Hourly, FileFormat: fileFormat), MaxDegreeOfParallelism = parallelism,
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
    public void The_seed_alone_decides_the_file_names()
    {
        var options = new GeneratorOptions { Root = "/data", Seed = 7, Records = 100 };

        var first = FlowLogGenerator.Plan(options).Files[0];

        Assert.Equal("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/" + first.FileName, first.RelativePath);
        Assert.Equal(first.RelativePath, FlowLogGenerator.Plan(options).Files[0].RelativePath);
        Assert.Matches(@"^fl-[0-9a-f]{17}$", first.FlowLogId);
        Assert.Equal($"012345678901_vpcflowlogs_us-east-1_{first.FlowLogId}_20261102T2359Z_", first.FileName[..^15]);
    }
}
