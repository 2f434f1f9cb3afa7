using System.Runtime.CompilerServices;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// The one walk of AWS's flow-log layout, for local folders and S3 alike: <c>AWSLogs/</c> → account folders →
/// service folder → region folders → only the partition folders overlapping the window → their files. It never
/// lists anything else, so a source of years costs the same to list as one of a day.
/// </summary>
public static class LayoutWalker
{
    /// <summary>
    /// The files of the window's partitions below <paramref name="awsLogs"/>, with the account, region and partition
    /// each sits in; of the source's flow log only when it names one. No account folder with a service folder below it
    /// is an error (wrong --source or --layout), not an empty window.
    /// </summary>
    public static async Task<IReadOnlyList<LogFile>> ListAsync(ILayoutStore store, string awsLogs, FlowLogSource source, TimeWindow window, CancellationToken cancellationToken)
    {
        var layout = source.Layout;
        var files = new List<LogFile>();
        var sawAccount = new Flag();
        await foreach (var (account, region, regionFolder) in RegionFoldersAsync(store, awsLogs, layout.Prefix, sawAccount, cancellationToken).ConfigureAwait(false))
        {
            foreach (var partition in PartitionPaths.PartitionsOverlapping(layout.Partitioning, window.From, window.To))
            {
                var folder = store.Child(regionFolder, PartitionPaths.TimeSuffix(layout, partition));
                foreach (var file in await store.FilesAsync(folder, layout.FileExtension, cancellationToken).ConfigureAwait(false))
                    if (FlowLogIds.Selects(source.FlowLogId, file.Location))
                        files.Add(new LogFile(file.Location, account, region, partition, file.SizeBytes, file.Version));
            }
        }
        if (!sawAccount.Set) throw new SourceException(store.NoFlowLogsMessage(layout));
        return files;
    }

    /// <summary>Every account and region folder below <paramref name="awsLogs"/>, e.g. for partition-projection enums.</summary>
    public static async Task<IReadOnlyList<(string Account, string Region)>> AccountsAndRegionsAsync(ILayoutStore store, string awsLogs, PrefixStyle prefix, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        await foreach (var (account, region, _) in RegionFoldersAsync(store, awsLogs, prefix, new Flag(), cancellationToken).ConfigureAwait(false))
            found.Add((account, region));
        return found;
    }

    /// <summary>Region folders in walk order; <paramref name="sawAccount"/> is set once an account folder has the service folder below it.</summary>
    private static async IAsyncEnumerable<(string Account, string Region, string Folder)> RegionFoldersAsync(
        ILayoutStore store, string awsLogs, PrefixStyle prefix, Flag sawAccount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var accountFolder in await store.FoldersAsync(awsLogs, cancellationToken).ConfigureAwait(false) ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!PartitionPaths.TryParseAccountFolder(prefix, store.NameOf(accountFolder), out var account)) continue;
            var regionFolders = await store.FoldersAsync(store.Child(accountFolder, PartitionPaths.ServiceFolder(prefix)), cancellationToken).ConfigureAwait(false);
            if (regionFolders is null) continue;
            sawAccount.Set = true;
            foreach (var regionFolder in regionFolders)
                if (PartitionPaths.RegionOf(prefix, store.NameOf(regionFolder)) is { } region)
                    yield return (account, region, regionFolder);
        }
    }

    private sealed class Flag
    {
        public bool Set { get; set; }
    }
}
