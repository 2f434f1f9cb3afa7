using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Brings an S3 source's objects for one window into a local folder that mirrors their keys, so the local
/// engine can read them; objects already there with the same size are reused, not downloaded again.
/// Each download lands under a temporary name and is renamed when complete.
/// </summary>
public sealed class S3SourceCache(IAmazonS3 s3, string cacheRoot, string? expectedBucketOwner = null)
{
    /// <summary>The default cache folder: <c>$XDG_CACHE_HOME/flowlog-athena/s3</c> or <c>~/.cache/flowlog-athena/s3</c>.</summary>
    public static string DefaultRoot => Core.Files.CacheFolder.Of("s3");

    public sealed record SyncResult(FlowLogSource LocalSource, int Downloaded, int Reused, long BytesDownloaded);

    public async Task<SyncResult> SyncAsync(FlowLogSource source, TimeWindow window, CancellationToken cancellationToken)
    {
        var root = S3Uri.Parse(source.Root, "Source");
        var localRoot = Path.Combine(cacheRoot, root.Bucket, Path.Combine(root.PrefixWithSlash.Split('/', StringSplitOptions.RemoveEmptyEntries)));
        var files = await new S3LogFileLister(s3, expectedBucketOwner).ListAsync(source, window, cancellationToken).ConfigureAwait(false);

        int downloaded = 0, reused = 0;
        long bytes = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var location = S3Uri.Parse(file.Path);
            var relative = location.Key[root.PrefixWithSlash.Length..];
            var local = Path.Combine(localRoot, Path.Combine(relative.Split('/')));
            if (File.Exists(local) && new FileInfo(local).Length == file.SizeBytes)
            {
                Interlocked.Increment(ref reused);
                return;
            }
            await DownloadAsync(location, local, ct).ConfigureAwait(false);
            Interlocked.Increment(ref downloaded);
            Interlocked.Add(ref bytes, file.SizeBytes);
        }).ConfigureAwait(false);

        return new SyncResult(source with { Root = localRoot }, downloaded, reused, bytes);
    }

    private async Task DownloadAsync(S3Uri location, string local, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        var temp = local + $".{Guid.NewGuid():N}.tmp";
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
                ExpectedBucketOwner = expectedBucketOwner,
            }, cancellationToken).ConfigureAwait(false);
            await using (var file = File.Create(temp))
                await response.ResponseStream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            File.Move(temp, local, overwrite: true);
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken))
        {
            throw S3Failures.Translate(e, $"Cannot read {location}", (m, inner) => new SourceException(m, inner));
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
