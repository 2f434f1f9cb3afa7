using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// Lists log files in a local folder laid out as AWS delivers to S3. It walks only the account and region
/// folders, then visits only the partition folders that overlap the window: it never scans the rest.
/// </summary>
public sealed class LocalLogFileLister : ILogFileLister
{
    public Task<IReadOnlyList<LogFile>> ListAsync(FlowLogSource source, TimeWindow window, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(source.Root);
        if (!Directory.Exists(root))
            throw new SourceException($"Source folder '{source.Root}' does not exist.");
        var awsLogs = Path.Combine(root, PartitionPaths.Root);
        if (!Directory.Exists(awsLogs))
            throw new SourceException(
                $"Source folder '{source.Root}' has no {PartitionPaths.Root}/ folder; point --source at the folder that holds AWSLogs/ (as s3://bucket/prefix would).");

        var layout = source.Layout;
        var files = new List<LogFile>();
        var sawAccount = false;
        foreach (var accountDir in Folders(awsLogs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!PartitionPaths.TryParseAccountFolder(layout.Prefix, Path.GetFileName(accountDir), out var account)) continue;
            var serviceDir = Path.Combine(accountDir, PartitionPaths.ServiceFolder(layout.Prefix));
            if (!IsFolder(serviceDir)) continue;
            sawAccount = true;
            foreach (var regionDir in Folders(serviceDir))
            {
                var region = PartitionPaths.RegionOf(layout.Prefix, Path.GetFileName(regionDir));
                if (region is null) continue;
                foreach (var partition in PartitionPaths.PartitionsOverlapping(layout.Partitioning, window.From, window.To))
                {
                    var dir = Path.Combine(regionDir, PartitionPaths.TimeSuffix(layout, partition));
                    if (!IsFolder(dir)) continue;
                    foreach (var file in Read(dir, () => Directory.EnumerateFiles(dir, "*" + layout.FileExtension, Literal).Order(StringComparer.Ordinal).ToList()))
                        files.Add(new LogFile(file, account, region, partition, SizeOf(file)));
                }
            }
        }

        if (!sawAccount)
            throw new SourceException(
                $"No flow logs in the {layout.Prefix.ToString().ToLowerInvariant()} layout under '{Path.Combine(source.Root, PartitionPaths.Root)}'"
                + (layout.Prefix == PrefixStyle.Default
                    ? " (expected AWSLogs/{account}/vpcflowlogs/{region}/yyyy/MM/dd/); is it Hive-compatible (--layout hive)?"
                    : " (expected AWSLogs/aws-account-id=…/aws-service=vpcflowlogs/aws-region=…/year=…/); is it the default layout (--layout default)?"));
        return Task.FromResult<IReadOnlyList<LogFile>>(files);
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
