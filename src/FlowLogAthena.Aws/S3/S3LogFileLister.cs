using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Lists the log objects of an S3 source that can hold records of a window. Like the local lister it
/// walks only the account and region "folders" (delimiter listings), then lists only the partition
/// prefixes that overlap the window: it never lists the whole bucket.
/// </summary>
public sealed class S3LogFileLister(IAmazonS3 s3, string? expectedBucketOwner = null) : ILogFileLister
{
    public async Task<IReadOnlyList<LogFile>> ListAsync(FlowLogSource source, TimeWindow window, CancellationToken cancellationToken)
    {
        var root = S3Uri.Parse(source.Root, "Source");
        var layout = source.Layout;
        var awsLogs = root.PrefixWithSlash + PartitionPaths.Root + "/";
        var files = new List<LogFile>();
        var sawAccount = false;
        foreach (var accountPrefix in await FoldersAsync(root.Bucket, awsLogs, cancellationToken).ConfigureAwait(false))
        {
            if (!PartitionPaths.TryParseAccountFolder(layout.Prefix, LastSegment(accountPrefix), out var account)) continue;
            var servicePrefix = accountPrefix + PartitionPaths.ServiceFolder(layout.Prefix) + "/";
            foreach (var regionPrefix in await FoldersAsync(root.Bucket, servicePrefix, cancellationToken).ConfigureAwait(false))
            {
                sawAccount = true;
                var region = PartitionPaths.RegionOf(layout.Prefix, LastSegment(regionPrefix));
                if (region is null) continue;
                foreach (var partition in PartitionPaths.PartitionsOverlapping(layout.Partitioning, window.From, window.To))
                {
                    var prefix = regionPrefix + PartitionPaths.TimeSuffix(layout, partition) + "/";
                    await foreach (var obj in ObjectsAsync(root.Bucket, prefix, cancellationToken).ConfigureAwait(false))
                        if (obj.Key.EndsWith(layout.FileExtension, StringComparison.Ordinal))
                            files.Add(new LogFile($"{S3Uri.Scheme}{root.Bucket}/{obj.Key}", account, region, partition, obj.Size ?? 0));
                }
            }
        }

        if (!sawAccount)
            throw new SourceException(
                $"No flow logs in the {layout.Prefix.ToString().ToLowerInvariant()} layout under '{S3Uri.Scheme}{root.Bucket}/{awsLogs}'; "
                + "point --source at the prefix that holds AWSLogs/ and check --layout.");
        return files;
    }

    /// <summary>The account and region prefixes below a source, e.g. for partition-projection enums.</summary>
    public async Task<IReadOnlyList<(string Account, string Region)>> AccountsAndRegionsAsync(FlowLogSource source, CancellationToken cancellationToken)
    {
        var root = S3Uri.Parse(source.Root, "Source");
        var layout = source.Layout;
        var found = new List<(string, string)>();
        foreach (var accountPrefix in await FoldersAsync(root.Bucket, root.PrefixWithSlash + PartitionPaths.Root + "/", cancellationToken).ConfigureAwait(false))
        {
            if (!PartitionPaths.TryParseAccountFolder(layout.Prefix, LastSegment(accountPrefix), out var account)) continue;
            var servicePrefix = accountPrefix + PartitionPaths.ServiceFolder(layout.Prefix) + "/";
            foreach (var regionPrefix in await FoldersAsync(root.Bucket, servicePrefix, cancellationToken).ConfigureAwait(false))
                if (PartitionPaths.RegionOf(layout.Prefix, LastSegment(regionPrefix)) is { } region) found.Add((account, region));
        }
        return found;
    }

    private async Task<IReadOnlyList<string>> FoldersAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        string? token = null;
        do
        {
            var response = await ListAsync(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = "/", ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            folders.AddRange(response.CommonPrefixes ?? []);
            token = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (token is not null);
        return folders;
    }

    private async IAsyncEnumerable<S3Object> ObjectsAsync(string bucket, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var response = await ListAsync(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var obj in response.S3Objects ?? []) yield return obj;
            token = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (token is not null);
    }

    private async Task<ListObjectsV2Response> ListAsync(ListObjectsV2Request request, CancellationToken cancellationToken)
    {
        request.ExpectedBucketOwner = expectedBucketOwner;
        try
        {
            return await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken))
        {
            throw S3Failures.Translate(e, $"Cannot list s3://{request.BucketName}/{request.Prefix}", (m, inner) => new SourceException(m, inner));
        }
    }

    private static string LastSegment(string prefix) => prefix.TrimEnd('/')[(prefix.TrimEnd('/').LastIndexOf('/') + 1)..];
}
