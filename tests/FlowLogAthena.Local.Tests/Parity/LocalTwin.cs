using FlowLogAthena.Core.Compaction;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// The Parquet twin of a local text source, made as <c>compact --engine local</c> makes it (the engine's
/// <see cref="DuckDbEngine.WriteTwinAsync"/>, day by day) and laid out at the keys the compactor publishes to.
/// </summary>
public static class LocalTwin
{
    public static async Task<FlowLogSource> CreateAsync(FlowLogSource text, TimeWindow span, string twinRoot)
    {
        var twin = TwinLayout.For(text, twinRoot);
        var staging = twinRoot + "-staging";
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { StoreFolder = Path.Combine(staging, "store"), Threads = 1 }, new LocalLogFileLister());
        foreach (var day in TwinLayout.DaysOf(span))
        {
            var folder = Path.Combine(staging, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            foreach (var partition in await engine.WriteTwinAsync(new BoundTable(engine, text, TwinLayout.DayWindow(day)), twin.Layout, folder, CancellationToken.None))
                for (var i = 0; i < partition.Files.Count; i++)
                {
                    var target = Path.Combine(twinRoot, TwinLayout.ObjectKey(twin.Layout, partition.Account, partition.Region, partition.PartitionStartUtc, i));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(partition.Files[i].Location, target);
                }
        }
        Directory.Delete(staging, recursive: true);
        return twin;
    }
}
