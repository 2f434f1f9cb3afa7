using FlowLogAthena.Core.Sources;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Testing;

/// <summary>
/// Flow logs the synthetic generator wrote for a test, and the same records again straight from the generator
/// (not read back from the files): the independent side of every answer a query gives on them.
/// </summary>
public sealed record GeneratedLogs(GeneratorOptions Options)
{
    /// <summary>The source a command or engine reads: the generator's folder, format and layout.</summary>
    public FlowLogSource Source => new(Options.Root, Options.Format, Options.Layout);

    public static async Task<GeneratedLogs> WriteAsync(GeneratorOptions options)
    {
        await FlowLogGenerator.GenerateAsync(options);
        return new GeneratedLogs(options);
    }

    /// <summary>Every record the plan writes, generated again in memory.</summary>
    public IEnumerable<FlowRecord> Records() => FlowLogGenerator.EnumerateFiles(Options).SelectMany(f => f.EnumerateRecords());

    /// <summary>The records whose start falls in the window with the region of the partition they are filed in.</summary>
    public IEnumerable<(string Region, FlowRecord Record)> RegionalRecordsIn(TimeWindow window) =>
        FlowLogGenerator.EnumerateFiles(Options).SelectMany(f => f.EnumerateRecords().Select(r => (f.Region, r)))
            .Where(x => x.r.StartUnixSeconds >= window.FromUnixSeconds && x.r.StartUnixSeconds < window.ToUnixSecondsExclusive);

    /// <summary>The records whose start falls in the window, as a query's time filter selects them.</summary>
    public IEnumerable<FlowRecord> RecordsIn(TimeWindow window) =>
        Records().Where(r => r.StartUnixSeconds >= window.FromUnixSeconds && r.StartUnixSeconds < window.ToUnixSecondsExclusive);
}
