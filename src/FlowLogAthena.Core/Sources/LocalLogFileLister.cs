using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// Lists log files in a local folder laid out as AWS delivers to S3. <see cref="LayoutWalker"/> walks only the
/// account and region folders, then visits only the partition folders that overlap the window: it never scans the rest.
/// </summary>
public sealed class LocalLogFileLister : ILogFileLister
{
    public Task<IReadOnlyList<LogFile>> ListAsync(FlowLogSource source, TimeWindow window, CancellationToken cancellationToken)
    {
        var (store, awsLogs) = LayoutStore(source.Root);
        // Every listing below is synchronous, so the walk is complete when this returns.
        return LayoutWalker.ListAsync(store, awsLogs, source, window, cancellationToken);
    }

    /// <summary>The folder's layout store and its AWSLogs/ folder: for a window's walk, and for discover's.</summary>
    /// <exception cref="SourceException">The folder, or its AWSLogs/ folder, is not there.</exception>
    public static (ILayoutStore Store, string AwsLogs) LayoutStore(string root)
    {
        var full = Path.GetFullPath(root);
        var awsLogs = Path.Combine(full, PartitionPaths.Root);
        if (!Directory.Exists(full)) throw new SourceException($"Source folder '{root}' does not exist.");
        if (!Directory.Exists(awsLogs))
            throw new SourceException($"Source folder '{root}' has no {PartitionPaths.Root}/ folder; point --source at the folder that holds AWSLogs/ (as s3://bucket/prefix would).");
        return (new FolderStore(root), awsLogs);
    }

    /// <summary>
    /// A local folder as a layout store. A folder counts once it exists (an empty service folder still means the
    /// account is there); names are listed in ordinal order.
    /// </summary>
    private sealed class FolderStore(string sourceRoot) : ILayoutStore
    {
        public Task<IReadOnlyList<string>?> FoldersAsync(string folder, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>?>(IsFolder(folder) ? Folders(folder) : null);

        public Task<IReadOnlyList<StoredFile>> FilesAsync(string folder, string extension, CancellationToken cancellationToken)
        {
            if (!IsFolder(folder)) return Task.FromResult<IReadOnlyList<StoredFile>>([]);
            var names = Read(folder, () => Directory.EnumerateFiles(folder, "*" + extension, Literal).Order(StringComparer.Ordinal).ToList());
            var files = new List<StoredFile>(names.Count);
            foreach (var file in names)
                files.Add(new StoredFile(file, SizeOf(file)));
            return Task.FromResult<IReadOnlyList<StoredFile>>(files);
        }

        public string Child(string folder, string relative) => Path.Combine(folder, relative);

        public string NameOf(string location) => Path.GetFileName(location);

        public string NoFlowLogsMessage(SourceLayout layout) =>
            $"No flow logs in the {layout.Prefix.ToString().ToLowerInvariant()} layout under '{Path.Combine(sourceRoot, PartitionPaths.Root)}'"
            + (layout.Prefix == PrefixStyle.Default
                ? " (expected AWSLogs/{account}/vpcflowlogs/{region}/yyyy/MM/dd/); is it Hive-compatible (--layout hive)?"
                : " (expected AWSLogs/aws-account-id=…/aws-service=vpcflowlogs/aws-region=…/year=…/); is it the default layout (--layout default)?");
    }

    /// <summary>Names matched as written: no 8.3 short names or case folding, and hidden files count too.</summary>
    private static readonly EnumerationOptions Literal = new() { MatchType = MatchType.Simple, MatchCasing = MatchCasing.CaseSensitive, AttributesToSkip = 0, IgnoreInaccessible = false };

    private static List<string> Folders(string dir) =>
        Read(dir, () => Directory.EnumerateDirectories(dir, "*", Literal).Order(StringComparer.Ordinal).ToList());

    /// <summary>True for a folder, false when nothing is there; a link that cannot be followed is an error, never a silent gap.</summary>
    private static bool IsFolder(string dir)
    {
        if (Directory.Exists(dir)) return true;
        if (new FileInfo(dir).LinkTarget is { } target)
            throw new SourceException($"'{dir}' is a symbolic link to '{target}' that cannot be followed (a loop, or its target is missing); its flow logs cannot be read.");
        return false;
    }

    /// <summary>The size of the file a name leads to; a link that leads nowhere (a loop, a missing target) is an error naming it.</summary>
    private static long SizeOf(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is { } link)
        {
            var target = Read(file, () => Follow(info));
            if (target is not { Exists: true })
                throw new SourceException($"Flow log file '{file}' is a symbolic link to '{link}' that cannot be followed (a loop, or its target is missing).");
            return target is FileInfo final ? final.Length : 0;
        }
        if (!info.Exists) throw new SourceException($"Flow log file '{file}' disappeared while the source was listed.");
        return Read(file, () => info.Length);
    }

    private static FileSystemInfo? Follow(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return null; // too many levels of links: a loop
        }
    }

    /// <summary>Runs a listing step, turning a permission or I/O problem into an error naming the path.</summary>
    private static T Read<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceException($"'{path}' cannot be read: permission denied. Give this user read access to the source's folders and files.", e);
        }
        catch (IOException e)
        {
            throw new SourceException($"'{path}' cannot be read: {e.Message}", e);
        }
    }
}
