using System.Globalization;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Compaction;

/// <summary>
/// Where the Parquet twin of a text flow log keeps its data: an ordinary flow log source of the same format and
/// partitioning under its own root, in AWS's default prefixes with Parquet files — the layout of AWS's documented
/// projected Parquet flow-log table — so every command reads it like any Parquet flow log. Beside the data, below
/// <see cref="ControlFolder"/>, the day markers and Athena's staging area, which no table location covers.
/// </summary>
public static class TwinLayout
{
    public const string ControlFolder = "_flowlog-athena";

    /// <summary>The twin of <paramref name="text"/> at <paramref name="twinRoot"/>.</summary>
    /// <exception cref="UsageException">The twin would sit inside the text source's logs, or hold them.</exception>
    public static FlowLogSource For(FlowLogSource text, string twinRoot, string option = "--twin")
    {
        var twin = Normalize(twinRoot);
        var source = Normalize(text.Root);
        if (string.Equals(twin, source, StringComparison.Ordinal)
            || Inside(twin, source + "/" + PartitionPaths.Root)
            || Inside(source, twin + "/" + PartitionPaths.Root))
            throw new UsageException(
                $"{option} {twinRoot} overlaps the text source {text.Root}: the twin needs a prefix of its own, outside the source's {PartitionPaths.Root}/ (e.g. s3://bucket/flow-logs-parquet).");
        return new FlowLogSource(twin, text.Format, new SourceLayout(PrefixStyle.Default, text.Layout.Partitioning, LogFileFormat.Parquet));
    }

    /// <summary>The day marker's key below the twin root: written last, it says the day is complete and from what.</summary>
    public static string MarkerKey(DateOnly day) => $"{ControlFolder}/compacted/{Day(day)}.json";

    /// <summary>A private, empty staging prefix below the twin root for one day of one run (Athena writes there).</summary>
    public static string StagingPrefix(string runId, DateOnly day) => $"{ControlFolder}/staging/{runId}/{Day(day)}/";

    /// <summary>
    /// The key (below the twin root) of a partition's <paramref name="index"/>-th file. Names are fixed per partition,
    /// so compacting a day again overwrites them in place — each object is replaced whole — rather than adding copies.
    /// </summary>
    public static string ObjectKey(SourceLayout twin, string account, string region, DateTime partitionStartUtc, int index) =>
        $"{PartitionPaths.PartitionPrefix(twin, account, region, partitionStartUtc)}/"
        + $"{account}_{PartitionPaths.Service}_{region}_twin_{partitionStartUtc.ToString(twin.Partitioning == Partitioning.Hourly ? "yyyyMMdd'T'HH" : "yyyyMMdd", CultureInfo.InvariantCulture)}_{index:D4}{twin.FileExtension}";

    /// <summary>The window of one UTC day.</summary>
    public static TimeWindow DayWindow(DateOnly day) => TimeWindow.Days(day, 1);

    /// <summary>The UTC days a window touches, in order: its daily partitions.</summary>
    public static IReadOnlyList<DateOnly> DaysOf(TimeWindow window) =>
        PartitionPaths.PartitionsOverlapping(Partitioning.Daily, window.From, window.To).Select(DateOnly.FromDateTime).ToList();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Normalize(string root) => root.TrimEnd('/');

    private static bool Inside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal) || path.StartsWith(folder + "/", StringComparison.Ordinal);
}
