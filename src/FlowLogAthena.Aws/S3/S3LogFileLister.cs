using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Lists the log objects of an S3 source that can hold records of a window. <see cref="LayoutWalker"/> walks only
/// the account and region "folders" (delimiter listings), then lists only the partition prefixes that overlap the
/// window: it never lists the whole bucket.
/// </summary>
public sealed class S3LogFileLister(IAmazonS3 s3, string? expectedBucketOwner = null) : ILogFileLister
{
    public Task<IReadOnlyList<LogFile>> ListAsync(FlowLogSource source, TimeWindow window, CancellationToken cancellationToken)
    {
        var (store, awsLogs) = LayoutStore(source.Root);
        return LayoutWalker.ListAsync(store, awsLogs, source, window, cancellationToken);
    }

    /// <summary>The source prefix's layout store and its AWSLogs/ prefix: for a window's walk, the account/region walk and discover's.</summary>
    public (ILayoutStore Store, string AwsLogs) LayoutStore(string root)
    {
        var location = S3Uri.Parse(root, "Source");
        var awsLogs = location.PrefixWithSlash + PartitionPaths.Root + "/";
        return (new PrefixStore(this, location.Bucket, awsLogs), awsLogs);
    }

    /// <summary>The account and region prefixes below a source, e.g. for partition-projection enums.</summary>
    public Task<IReadOnlyList<(string Account, string Region)>> AccountsAndRegionsAsync(FlowLogSource source, CancellationToken cancellationToken)
    {
        var (store, awsLogs) = LayoutStore(source.Root);
        return LayoutWalker.AccountsAndRegionsAsync(store, awsLogs, source.Layout.Prefix, cancellationToken);
    }

    /// <summary>
    /// A bucket's key prefixes as a layout store. S3 has no empty folders: a prefix with no folders below it is not
    /// there, so an account counts once a region prefix is found below its service prefix. A partition prefix's files
    /// are every object below it whose key ends with the extension, in S3's (key) order.
    /// </summary>
    private sealed class PrefixStore(S3LogFileLister lister, string bucket, string awsLogs) : ILayoutStore
    {
        public async Task<IReadOnlyList<string>?> FoldersAsync(string folder, CancellationToken cancellationToken)
        {
            var folders = await lister.FoldersAsync(bucket, folder, cancellationToken).ConfigureAwait(false);
            return folders.Count == 0 ? null : folders;
        }

        public async Task<IReadOnlyList<StoredFile>> FilesAsync(string folder, string extension, CancellationToken cancellationToken)
        {
            var files = new List<StoredFile>();
            await foreach (var obj in lister.ObjectsAsync(bucket, folder, cancellationToken).ConfigureAwait(false))
                if (obj.Key.EndsWith(extension, StringComparison.Ordinal))
                    files.Add(new StoredFile($"{S3Uri.Scheme}{bucket}/{obj.Key}", obj.Size ?? 0, obj.ETag));
            return files;
        }

        /// <summary>Prefixes end with '/', as S3's common prefixes do.</summary>
        public string Child(string folder, string relative) => folder + relative + "/";

        public string NameOf(string location) => location.TrimEnd('/')[(location.TrimEnd('/').LastIndexOf('/') + 1)..];

        public string NoFlowLogsMessage(SourceLayout layout) =>
            $"No flow logs in the {layout.Prefix.ToString().ToLowerInvariant()} layout under '{S3Uri.Scheme}{bucket}/{awsLogs}'; "
            + "point --source at the prefix that holds AWSLogs/ and check --layout.";
    }

    /// <summary>Every object below a prefix (no delimiter), in key order.</summary>
    internal IAsyncEnumerable<S3Object> ObjectsBelowAsync(S3Uri prefix, CancellationToken cancellationToken) =>
        ObjectsAsync(prefix.Bucket, prefix.PrefixWithSlash, cancellationToken);

    /// <summary>The "folders" directly below a prefix, as full keys ending in '/'.</summary>
    internal Task<IReadOnlyList<string>> FoldersBelowAsync(S3Uri prefix, CancellationToken cancellationToken) =>
        FoldersAsync(prefix.Bucket, prefix.PrefixWithSlash, cancellationToken);

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
}
