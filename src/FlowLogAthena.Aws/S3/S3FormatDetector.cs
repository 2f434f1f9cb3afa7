using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// The log format of an S3 text source, from the header line of its first object: one ranged GET of the
/// object's first 64 KiB, enough for the gzip block that holds the header.
/// </summary>
public sealed class S3FormatDetector(IAmazonS3 s3, string? expectedBucketOwner = null)
{
    public async Task<FlowLogFormat?> DetectAsync(FlowLogSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await DetectHeaderAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken) && e is not Core.Errors.FlowLogAthenaException)
        {
            throw S3Failures.Translate(e, $"Cannot read the header of the first log object under {source.Root}", (m, inner) => new Core.Errors.SourceException(m, inner));
        }
    }

    private async Task<FlowLogFormat?> DetectHeaderAsync(FlowLogSource source, CancellationToken cancellationToken)
    {
        if (source.Layout.FileFormat != LogFileFormat.Text) return null;
        var root = S3Uri.Parse(source.Root, "Source");
        var pairs = await new S3LogFileLister(s3, expectedBucketOwner).AccountsAndRegionsAsync(source, cancellationToken).ConfigureAwait(false);
        if (pairs.Count == 0) return null;
        var (account, region) = pairs[0];
        var prefix = root.PrefixWithSlash + PartitionPaths.AccountRegionPrefix(source.Layout.Prefix, account, region) + "/";
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = root.Bucket,
            Prefix = prefix,
            MaxKeys = 100,
            ExpectedBucketOwner = expectedBucketOwner,
        }, cancellationToken).ConfigureAwait(false);
        var first = (listing.S3Objects ?? []).FirstOrDefault(o => o.Key.EndsWith(source.Layout.FileExtension, StringComparison.Ordinal));
        if (first is null) return null;

        using var response = await s3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = root.Bucket,
            Key = first.Key,
            ByteRange = new ByteRange(0, 65535),
            ExpectedBucketOwner = expectedBucketOwner,
        }, cancellationToken).ConfigureAwait(false);
        var header = await TextLogHeader.ReadAsync(response.ResponseStream, $"s3://{root.Bucket}/{first.Key}", cancellationToken).ConfigureAwait(false);
        return header is null ? null : TextLogHeader.FormatOf(header);
    }
}
