using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratorProgressTests
{
    [Fact]
    public async Task Progress_is_reported_once_per_file_and_ends_at_the_totals()
    {
        using var temp = new TempFolder();
        var reports = new List<GeneratorProgress>();
        var progress = new Collect(reports);

        var summary = await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = temp.Path, Records = 2_000, Window = Hours(0, 1), FilesPerPartition = 3 }, progress);

        Assert.Equal(12, reports.Count);
        Assert.Equal(Enumerable.Range(1, 12), reports.Select(r => r.FilesWritten).Order());
        var last = reports.MaxBy(r => r.FilesWritten);
        Assert.Equal(new GeneratorProgress(12, 12, 2_000, 2_000, summary.Bytes), last);
        Assert.True(summary.RecordsPerSecond > 0);
    }

    private sealed class Collect(List<GeneratorProgress> into) : IProgress<GeneratorProgress>
    {
        public void Report(GeneratorProgress value)
        {
            lock (into) into.Add(value);
        }
    }
}
