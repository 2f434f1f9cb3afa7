using System.Security.Cryptography;
using System.Text;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Store;

/// <summary>
/// The local engine's columnar copy of the text logs it has read: per source (its folder and layout) and per flow
/// log format, one zstd Parquet file per partition — account, region, day, and hour when the source is hourly —
/// holding the view's typed columns and partition columns. A partition's file is named by a digest of the source
/// files it was converted from (name, size, time), so a changed or added source file makes a new name and the old
/// one is never read again. Files are written under another name and renamed into place while the partition's lock
/// is held: a reader finds a whole file or none. Layout:
/// <code>
/// &lt;root&gt;/&lt;source key&gt;/source.txt                       the source folder and layout, for people
/// &lt;root&gt;/&lt;source key&gt;/&lt;format key&gt;/format.txt           the flow log format
/// &lt;root&gt;/&lt;source key&gt;/&lt;format key&gt;/account=…/region=…/day=yyyy-MM-dd[/hour=HH]/part-&lt;digest&gt;.parquet
/// &lt;root&gt;/tmp/                                          DuckDB's spill folder
/// </code>
/// Deleting the root folder (or any partition folder) is always safe: what is missing is converted again.
/// </summary>
public sealed class ColumnarStore(string root)
{
    /// <summary>Changes whenever the files' content or naming changes, so an older store's files are not read.</summary>
    internal const string Version = "1";

    internal const string DataPrefix = "part-";
    internal const string StagingPrefix = ".staging-";
    internal const string LockFile = ".lock";
    internal const string SourceNote = "source.txt";
    internal const string FormatNote = "format.txt";

    /// <summary>The store folder, absolute.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary><c>$XDG_CACHE_HOME/flowlog-athena/store</c>, else <c>~/.cache/flowlog-athena/store</c>.</summary>
    public static string DefaultRoot => Core.Files.CacheFolder.Of("store");

    /// <summary>Where DuckDB spills what does not fit in its memory limit: inside the store, never the current folder.</summary>
    public string SpillFolder => Path.Combine(Root, "tmp");

    /// <summary>The folder of one source's flow log format: sources and formats never share a file.</summary>
    internal string FormatFolder(FlowLogSource source) => Path.Combine(SourceFolder(source), "format-" + Digest(source.Format.FormatString));

    private string SourceFolder(FlowLogSource source) => Path.Combine(Root, "source-" + Digest(Path.GetFullPath(source.Root), source.Layout.ToString()));

    /// <summary>
    /// The format under which the store holds every partition of these files as they are now (names, sizes and
    /// times), when exactly one does: a repeat run then learns the format without opening a text file.
    /// </summary>
    public FlowLogFormat? StoredFormatOf(FlowLogSource source, IReadOnlyList<LogFile> files)
    {
        var folder = SourceFolder(source);
        if (files.Count == 0 || !Directory.Exists(folder)) return null;
        var whole = new List<FlowLogFormat>();
        foreach (var formatFolder in Directory.EnumerateDirectories(folder, "format-*"))
        {
            FlowLogFormat format;
            try
            {
                var note = File.ReadAllText(Path.Combine(formatFolder, FormatNote)).Trim();
                if (note.Length == 0) continue;
                format = FlowLogFormat.Parse(note);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FlowLogAthenaException)
            {
                continue; // a format folder without a readable note is not one to trust
            }
            if (StorePartition.Of(this, source with { Format = format }, files).All(p => p.IsBuilt)) whole.Add(format);
        }
        return whole.Count == 1 ? whole[0] : null;
    }

    /// <summary>The partition folder of a source file's account, region and partition start.</summary>
    internal string PartitionFolder(FlowLogSource source, LogFile file)
    {
        var start = file.PartitionStartUtc;
        var folder = Path.Combine(FormatFolder(source), "account=" + file.Account, "region=" + file.Region, $"day={start:yyyy-MM-dd}");
        return source.Layout.Partitioning == Partitioning.Hourly ? Path.Combine(folder, $"hour={start:HH}") : folder;
    }

    /// <summary>A short hex digest of the parts (with the store version), for folder and file names.</summary>
    internal static string Digest(params string[] parts)
    {
        var text = string.Join('\n', parts.Prepend(Version));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
