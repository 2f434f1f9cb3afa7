using FlowLogAthena.Cli.Commands;
using FlowLogAthena.Local.Store;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// A run killed outright (SIGKILL: no handler runs) while it converts text into the columnar store leaves only
/// staging files, which no run reads: the next run converts again and gives the text's answer.
/// </summary>
public sealed class StoreKillTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Logs => _root.Combine("logs");

    private string StoreFolder => _root.Combine("store");

    private string[] Run(string store, string output) =>
        ["run", "top-talkers", "--source", Logs, "--from", "2026-11-02", "--to", "2026-11-05", "--store", store, "--output", "csv", "--out", _root.Combine(output)];

    private List<string> Staging() => Directory.Exists(StoreFolder)
        ? Directory.EnumerateFiles(StoreFolder, ColumnarStore.StagingPrefix + "*", SearchOption.AllDirectories).ToList()
        : [];

    [Fact]
    public async Task A_run_killed_while_converting_leaves_a_store_the_next_run_repairs()
    {
        await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = Logs, Records = 600_000, Window = TimeWindow.Parse("2026-11-02", "2026-11-05"), Seed = 9 });

        using (var cli = CliProcess.Start(_root.Path, new Dictionary<string, string>(), Run(StoreFolder, "killed.csv")))
        {
            await cli.WaitUntilAsync(() => Staging().Count > 0, "it starts writing a partition");
            await cli.SignalAsync("KILL");
            await cli.ExitAsync();
        }
        Assert.NotEmpty(Staging()); // killed mid-conversion: nothing cleaned up after it
        Assert.Empty(Directory.EnumerateFiles(StoreFolder, ColumnarStore.DataPrefix + "*", SearchOption.AllDirectories)); // and nothing published
        Assert.False(File.Exists(_root.Combine("killed.csv")));

        var text = await CliRun.Of(Run(LocalEngineOptions.StoreOff, "text.csv"));
        var repaired = await CliRun.Of(Run(StoreFolder, "repaired.csv"));

        Assert.True(text.ExitCode == 0 && repaired.ExitCode == 0, $"{text}\n{repaired}");
        Assert.Equal(File.ReadAllText(_root.Combine("text.csv")), File.ReadAllText(_root.Combine("repaired.csv")));
        Assert.Empty(Staging());
    }
}
