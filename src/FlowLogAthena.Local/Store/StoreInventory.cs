using System.Globalization;

namespace FlowLogAthena.Local.Store;

/// <summary>What a store holds, per source and format, and how to trim it by day (<c>store status</c>, <c>store prune</c>).</summary>
public static class StoreInventory
{
    /// <summary>One source's format in the store: its notes, partitions, days and size.</summary>
    public sealed record Entry(string Folder, string Source, string Layout, string Format, int Partitions, DateOnly? FirstDay, DateOnly? LastDay, long Bytes);

    /// <summary>What <see cref="PruneAsync"/> removed.</summary>
    public sealed record Pruned(int Partitions, long Bytes);

    public static IReadOnlyList<Entry> Read(ColumnarStore store)
    {
        var entries = new List<Entry>();
        foreach (var formatFolder in FormatFolders(store))
        {
            var notes = SourceNotes(formatFolder);
            var partitions = Partitions(formatFolder).ToList();
            var days = partitions.Select(p => p.Day).Order().ToList();
            entries.Add(new Entry(formatFolder, notes.Source, notes.Layout, ReadNote(Path.Combine(formatFolder, ColumnarStore.FormatNote)),
                partitions.Count, days.Count > 0 ? days[0] : null, days.Count > 0 ? days[^1] : null, partitions.Sum(p => p.Bytes)));
        }
        return entries;
    }

    /// <summary>Removes every partition of a day before <paramref name="before"/>, each under its lock; empty folders go too.</summary>
    public static async Task<Pruned> PruneAsync(ColumnarStore store, DateOnly before, CancellationToken cancellationToken)
    {
        int count = 0;
        long bytes = 0;
        foreach (var formatFolder in FormatFolders(store))
        {
            foreach (var partition in Partitions(formatFolder).Where(p => p.Day < before).ToList())
            {
                using (await PartitionLock.AcquireAsync(partition.Folder, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var file in Directory.EnumerateFiles(partition.Folder).Where(f => Path.GetFileName(f) != ColumnarStore.LockFile))
                    {
                        bytes += new FileInfo(file).Length;
                        StoreBuilder.TryDelete(file);
                    }
                }
                StoreBuilder.TryDelete(Path.Combine(partition.Folder, ColumnarStore.LockFile));
                RemoveEmptyFolders(partition.Folder, formatFolder);
                count++;
            }
        }
        return new Pruned(count, bytes);
    }

    private static IEnumerable<string> FormatFolders(ColumnarStore store) =>
        Directory.Exists(store.Root)
            ? Directory.EnumerateDirectories(store.Root, "source-*").Order(StringComparer.Ordinal)
                .SelectMany(s => Directory.EnumerateDirectories(s, "format-*").Order(StringComparer.Ordinal))
            : [];

    private sealed record Partition(string Folder, DateOnly Day, long Bytes);

    /// <summary>The day folders (and their hour folders) below a format folder that hold a stored file.</summary>
    private static IEnumerable<Partition> Partitions(string formatFolder) =>
        Directory.EnumerateDirectories(formatFolder, "day=*", SearchOption.AllDirectories)
            .SelectMany(day => Directory.EnumerateDirectories(day, "hour=*").DefaultIfEmpty(day).Select(folder => (day, folder)))
            .Where(p => Directory.EnumerateFiles(p.folder, ColumnarStore.DataPrefix + "*.parquet").Any())
            .Select(p => DateOnly.TryParseExact(Path.GetFileName(p.day)["day=".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new Partition(p.folder, day, Directory.EnumerateFiles(p.folder).Sum(f => new FileInfo(f).Length))
                : null)
            .OfType<Partition>();

    private static (string Source, string Layout) SourceNotes(string formatFolder)
    {
        var lines = ReadNote(Path.Combine(Path.GetDirectoryName(formatFolder)!, ColumnarStore.SourceNote)).Split('\n');
        return (lines[0], lines.Length > 1 ? lines[1] : "");
    }

    private static string ReadNote(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(unknown)";
        }
    }

    private static void RemoveEmptyFolders(string folder, string stopAt)
    {
        for (var current = folder; current.Length > stopAt.Length; current = Path.GetDirectoryName(current)!)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(current).Any()) return;
                Directory.Delete(current);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
