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
        foreach (var accountDir in Directory.EnumerateDirectories(awsLogs).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!PartitionPaths.TryParseAccountFolder(layout.Prefix, Path.GetFileName(accountDir), out var account)) continue;
            var serviceDir = Path.Combine(accountDir, PartitionPaths.ServiceFolder(layout.Prefix));
            if (!Directory.Exists(serviceDir)) continue;
            sawAccount = true;
            foreach (var regionDir in Directory.EnumerateDirectories(serviceDir).Order(StringComparer.Ordinal))
            {
                var region = PartitionPaths.RegionOf(layout.Prefix, Path.GetFileName(regionDir));
                if (region is null) continue;
                foreach (var partition in PartitionPaths.PartitionsOverlapping(layout.Partitioning, window.From, window.To))
                {
                    var dir = Path.Combine(regionDir, PartitionPaths.TimeSuffix(layout, partition));
                    if (!Directory.Exists(dir)) continue;
                    foreach (var file in Directory.EnumerateFiles(dir, "*" + layout.FileExtension).Order(StringComparer.Ordinal))
                        files.Add(new LogFile(file, account, region, partition, new FileInfo(file).Length));
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
}
