using System.Globalization;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Store;

/// <summary>
/// One partition of the window in the store: its folder, the source files it is made from, and the name its
/// Parquet file has for exactly those files (their names, sizes and modification times).
/// </summary>
internal sealed record StorePartition(string Folder, LogFile First, IReadOnlyList<LogFile> SourceFiles, string DataFile)
{
    public static IReadOnlyList<StorePartition> Of(ColumnarStore store, FlowLogSource source, IReadOnlyList<LogFile> files) =>
        files.GroupBy(f => (f.Account, f.Region, f.PartitionStartUtc))
            .Select(group =>
            {
                var sourceFiles = group.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
                var folder = store.PartitionFolder(source, sourceFiles[0]);
                var digest = ColumnarStore.Digest(sourceFiles.Select(Identity).ToArray());
                return new StorePartition(folder, sourceFiles[0], sourceFiles, Path.Combine(folder, ColumnarStore.DataPrefix + digest + ".parquet"));
            })
            .OrderBy(p => p.Folder, StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether the Parquet file for these source files is in place.</summary>
    public bool IsBuilt => File.Exists(DataFile);

    /// <summary>The stored file as the engine lists it: the partition's account, region and start.</summary>
    public LogFile Stored() => new(DataFile, First.Account, First.Region, First.PartitionStartUtc, new FileInfo(DataFile).Length);

    /// <summary>What makes a source file the same file again: its name, size and modification time.</summary>
    private static string Identity(LogFile file)
    {
        var info = new FileInfo(file.Path);
        var modified = info.Exists ? info.LastWriteTimeUtc.Ticks : 0;
        return string.Join('\t', Path.GetFileName(file.Path), info.Exists ? info.Length : file.SizeBytes, modified.ToString(CultureInfo.InvariantCulture));
    }
}
