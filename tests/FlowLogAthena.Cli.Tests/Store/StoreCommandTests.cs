using FlowLogAthena.Cli.Commands;
using FlowLogAthena.Local.Store;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Cli.Tests.Store;

/// <summary>
/// The columnar store from the command line: <c>run</c> converts once and then reads only the store, with the text's
/// answer; <c>--store off</c> leaves none; <c>store status</c> shows it and <c>store prune</c> trims it by day.
/// </summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Logs => _root.Combine("logs");

    private string StoreFolder => _root.Combine("store");

    private Task<GenerationSummary> GenerateAsync() => FlowLogGenerator.GenerateAsync(new GeneratorOptions
    {
        Root = Logs,
        Records = 20_000,
        Window = TimeWindow.Parse("2026-11-02", "2026-11-04"),
        Seed = 4,
    });

    private Task<CliRun> RunAsync(string store, string output) => CliRun.Of("run", "top-talkers", "--source", Logs, "--from", "2026-11-02", "--to", "2026-11-04",
        "--store", store, "--output", "csv", "--out", _root.Combine(output));

    [Fact]
    public async Task A_second_run_reads_the_store_and_both_give_the_text_s_answer()
    {
        await GenerateAsync();

        var text = await RunAsync(LocalEngineOptions.StoreOff, "text.csv");
        var first = await RunAsync(StoreFolder, "first.csv");
        var second = await RunAsync(StoreFolder, "second.csv");

        Assert.True(text.ExitCode == 0 && first.ExitCode == 0 && second.ExitCode == 0, $"{text}\n{first}\n{second}");
        Assert.Contains("8 of 8 partitions converted", first.Stderr);
        Assert.Contains("8 partitions read as stored", second.Stderr);
        Assert.Equal(File.ReadAllText(_root.Combine("text.csv")), File.ReadAllText(_root.Combine("first.csv")));
        Assert.Equal(File.ReadAllText(_root.Combine("text.csv")), File.ReadAllText(_root.Combine("second.csv")));
        Assert.DoesNotContain("Columnar store", text.Stderr);
    }

    [Fact]
    public async Task A_repeat_run_opens_no_text_file_not_even_for_the_format()
    {
        await GenerateAsync();
        Assert.Equal(0, (await RunAsync(StoreFolder, "first.csv")).ExitCode);
        // Same names, sizes and times, but unreadable as logs: the repeat must not open them, header included.
        foreach (var file in Directory.EnumerateFiles(Logs, "*.log.gz", SearchOption.AllDirectories))
        {
            var modified = File.GetLastWriteTimeUtc(file);
            File.WriteAllBytes(file, new byte[new FileInfo(file).Length]);
            File.SetLastWriteTimeUtc(file, modified);
        }

        var repeat = await RunAsync(StoreFolder, "repeat.csv");

        Assert.True(repeat.ExitCode == 0, repeat.ToString());
        Assert.Contains("Format from the columnar store", repeat.Stderr);
        Assert.Equal(File.ReadAllText(_root.Combine("first.csv")), File.ReadAllText(_root.Combine("repeat.csv")));
    }

    [Fact]
    public async Task Store_off_reads_the_text_and_writes_no_store()
    {
        await GenerateAsync();

        var run = await CliRun.Of("run", "top-talkers", "--source", Logs, "--from", "2026-11-02", "--to", "2026-11-03", "--store", "off");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(TestCache.Folder, "flowlog-athena", "store", "source-" + ColumnarStore.Digest(Logs, "default/daily/text"))));
    }

    [Fact]
    public async Task Status_lists_the_source_and_its_days_and_prune_removes_the_days_before_a_date()
    {
        await GenerateAsync();
        Assert.Equal(0, (await RunAsync(StoreFolder, "first.csv")).ExitCode);

        var status = await CliRun.Of("store", "status", "--store", StoreFolder);
        var prune = await CliRun.Of("store", "prune", "--store", StoreFolder, "--before", "2026-11-03");
        var after = StoreInventory.Read(new ColumnarStore(StoreFolder));

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"{Logs} (default/daily/text): 8 partitions, 2026-11-02 to 2026-11-03,", status.Stdout);
        Assert.Contains($"  format: {FlowLogFormat.Default.FormatString}", status.Stdout);
        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.Contains("Removed 4 partitions", prune.Stderr);
        var entry = Assert.Single(after);
        Assert.Equal((4, new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 3)), (entry.Partitions, entry.FirstDay, entry.LastDay));
    }

    [Fact]
    public async Task Status_of_an_empty_store_says_so()
    {
        var run = await CliRun.Of("store", "status", "--store", StoreFolder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is empty", run.Stderr);
    }

    [Theory]
    [InlineData("--memory-limit", "lots", "--memory-limit 'lots' is not an amount of memory")]
    [InlineData("--memory-limit", "2GB; INSTALL httpfs", "is not an amount of memory")]
    public async Task A_bad_local_engine_option_is_bad_input(string option, string value, string expected)
    {
        var run = await CliRun.Of("run", "top-talkers", "--source", Logs, "--from", "2026-11-02", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
    }

    [Fact]
    public async Task Prune_needs_a_date()
    {
        var run = await CliRun.Of("store", "prune", "--store", StoreFolder, "--before", "last week");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--before 'last week' is not a date", run.Stderr);
    }
}
