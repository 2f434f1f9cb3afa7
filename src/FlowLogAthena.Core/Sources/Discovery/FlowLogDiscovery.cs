using System.Globalization;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Sources.Discovery;

/// <summary>
/// Finds every flow log below an <c>AWSLogs/</c> folder or prefix, whatever its layout: default or Hive prefixes
/// (told by the account folder's name), daily or hourly (an hour folder below the day), text or Parquet (the files'
/// extension). It lists folders level by level (year, month, day, hour: delimiter listings on S3) and the files of
/// each partition, groups them by the flow log id in their names, and reads one file per flow log for its format.
/// </summary>
public static class FlowLogDiscovery
{
    private const string Text = ".log.gz";
    private const string Parquet = ".log.parquet";

    /// <summary>Every flow log found, ordered by account, region and id; empty when there is none.</summary>
    /// <param name="formatOf">Reads a file's format: its header line, or its Parquet schema; null when the file shows none.</param>
    public static async Task<IReadOnlyList<DiscoveredFlowLog>> FindAsync(ILayoutStore store, string awsLogs,
        Func<StoredFile, LogFileFormat, CancellationToken, Task<FlowLogFormat?>> formatOf, CancellationToken cancellationToken)
    {
        var files = new List<FoundFile>();
        foreach (var accountFolder in await store.FoldersAsync(awsLogs, cancellationToken).ConfigureAwait(false) ?? [])
        {
            var name = store.NameOf(accountFolder);
            var style = name.StartsWith("aws-account-id=", StringComparison.Ordinal) ? PrefixStyle.Hive : PrefixStyle.Default;
            if (!PartitionPaths.TryParseAccountFolder(style, name, out var account)) continue;
            var regions = await store.FoldersAsync(store.Child(accountFolder, PartitionPaths.ServiceFolder(style)), cancellationToken).ConfigureAwait(false);
            foreach (var regionFolder in regions ?? [])
            {
                if (PartitionPaths.RegionOf(style, store.NameOf(regionFolder)) is not { } region) continue;
                await foreach (var (folder, day, hourly) in PartitionFoldersAsync(store, regionFolder, style, cancellationToken).ConfigureAwait(false))
                    foreach (var file in await store.FilesAsync(folder, "", cancellationToken).ConfigureAwait(false))
                        if (FileFormatOf(file.Location) is { } fileFormat)
                            files.Add(new FoundFile(file, account, region, new SourceLayout(style, hourly ? Partitioning.Hourly : Partitioning.Daily, fileFormat), day));
            }
        }

        var found = new List<DiscoveredFlowLog>();
        foreach (var group in files.GroupBy(f => (Id: PartitionPaths.FlowLogIdOf(f.File.Location), f.Layout)))
        {
            var sample = group.OrderBy(f => f.Day).ThenBy(f => f.File.Location, StringComparer.Ordinal).Last();
            FlowLogFormat? format = null;
            string? problem = null;
            try
            {
                format = await formatOf(sample.File, group.Key.Layout.FileFormat, cancellationToken).ConfigureAwait(false);
                if (format is null) problem = "its files show no flow log format";
            }
            catch (Errors.FlowLogAthenaException e)
            {
                problem = e.Message;
            }
            found.Add(new DiscoveredFlowLog(
                group.Key.Id,
                [.. group.Select(f => f.Account).Distinct().Order(StringComparer.Ordinal)],
                [.. group.Select(f => f.Region).Distinct().Order(StringComparer.Ordinal)],
                group.Key.Layout,
                group.Min(f => f.Day),
                group.Max(f => f.Day),
                group.Count(),
                group.Sum(f => f.File.SizeBytes),
                sample.File.Location,
                format,
                problem));
        }
        return [.. found.OrderBy(f => f.Accounts[0], StringComparer.Ordinal).ThenBy(f => f.Regions[0], StringComparer.Ordinal)
            .ThenBy(f => f.FlowLogId ?? "~", StringComparer.Ordinal).ThenBy(f => f.Layout.ToString(), StringComparer.Ordinal)];
    }

    private readonly record struct FoundFile(StoredFile File, string Account, string Region, SourceLayout Layout, DateOnly Day);

    private static LogFileFormat? FileFormatOf(string location) =>
        location.EndsWith(Text, StringComparison.Ordinal) ? LogFileFormat.Text
        : location.EndsWith(Parquet, StringComparison.Ordinal) ? LogFileFormat.Parquet
        : null;

    /// <summary>The leaf partition folders below a region folder: each day's folder, or each hour folder below it.</summary>
    private static async IAsyncEnumerable<(string Folder, DateOnly Day, bool Hourly)> PartitionFoldersAsync(ILayoutStore store, string regionFolder, PrefixStyle style,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (yearFolder, year) in await NumberedAsync(store, regionFolder, style, "year", 4, cancellationToken).ConfigureAwait(false))
            foreach (var (monthFolder, month) in await NumberedAsync(store, yearFolder, style, "month", 2, cancellationToken).ConfigureAwait(false))
                foreach (var (dayFolder, dayOfMonth) in await NumberedAsync(store, monthFolder, style, "day", 2, cancellationToken).ConfigureAwait(false))
                {
                    if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month)) continue;
                    var day = new DateOnly(year, month, dayOfMonth);
                    var hours = await NumberedAsync(store, dayFolder, style, "hour", 2, cancellationToken).ConfigureAwait(false);
                    if (hours.Count == 0)
                    {
                        yield return (dayFolder, day, false);
                        continue;
                    }
                    foreach (var (hourFolder, _) in hours)
                        yield return (hourFolder, day, true);
                }
    }

    /// <summary>The child folders named as a date part (<c>2026</c>, or <c>year=2026</c> in Hive layouts), with their numbers.</summary>
    private static async Task<IReadOnlyList<(string Folder, int Number)>> NumberedAsync(ILayoutStore store, string folder, PrefixStyle style, string key, int digits,
        CancellationToken cancellationToken)
    {
        var numbered = new List<(string, int)>();
        foreach (var child in await store.FoldersAsync(folder, cancellationToken).ConfigureAwait(false) ?? [])
        {
            var name = store.NameOf(child);
            var text = style == PrefixStyle.Hive ? (name.StartsWith(key + "=", StringComparison.Ordinal) ? name[(key.Length + 1)..] : "") : name;
            if (text.Length == digits && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                numbered.Add((child, number));
        }
        return numbered;
    }
}

/// <summary>One flow log found below a source: where it delivers, how, over which days, and its format.</summary>
/// <param name="FlowLogId">The id in its files' names; null for files named without one.</param>
/// <param name="SampleFile">The file its format was read from (its latest).</param>
/// <param name="Format">The format its sample names; null when it could not be read (see <paramref name="FormatProblem"/>).</param>
public sealed record DiscoveredFlowLog(string? FlowLogId, IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions, SourceLayout Layout,
    DateOnly FirstDay, DateOnly LastDay, long Files, long Bytes, string SampleFile, FlowLogFormat? Format, string? FormatProblem)
{
    public FlowLogKind? Kind => Format?.Kind;
}
