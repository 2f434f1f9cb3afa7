using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// The log format of an S3 text source, from the header line of its first object: one ranged GET of the
/// object's first 64 KiB, enough for the gzip block that holds the header. With a chosen flow log, that flow log's
/// first object; without one, the first object of each flow log found in the first page of keys, which must agree.
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

    /// <summary>How many keys are listed to find the chosen flow log's first object, or each flow log's.</summary>
    private const int MaxKeysSearched = 10_000;

    private async Task<FlowLogFormat?> DetectHeaderAsync(FlowLogSource source, CancellationToken cancellationToken)
    {
        if (source.Layout.FileFormat != LogFileFormat.Text) return null;
        var root = S3Uri.Parse(source.Root, "Source");
        var pairs = await new S3LogFileLister(s3, expectedBucketOwner).AccountsAndRegionsAsync(source, cancellationToken).ConfigureAwait(false);
        if (pairs.Count == 0) return null;
        var (account, region) = pairs[0];
        var prefix = root.PrefixWithSlash + PartitionPaths.AccountRegionPrefix(source.Layout.Prefix, account, region) + "/";
        var samples = await FirstObjectPerFlowLogAsync(root.Bucket, prefix, source, cancellationToken).ConfigureAwait(false);
        var formats = new List<(string Key, FlowLogFormat? Format)>();
        foreach (var key in samples)
            formats.Add((key, await HeaderFormatAsync(root.Bucket, key, cancellationToken).ConfigureAwait(false)));
        var distinct = formats.Where(f => f.Format is not null).Select(f => f.Format!.FormatString).Distinct().ToList();
        if (distinct.Count > 1)
            throw new Core.Errors.SourceException(
                $"Several flow logs of different formats deliver to {source.Root} ({account} {region}):\n"
                + string.Join('\n', formats.Select(f => $"  {PartitionPaths.FlowLogIdOf(f.Key) ?? f.Key}: \"{f.Format?.FormatString ?? "no header"}\""))
                + "\nChoose one with --flow-log-id (and give each its own table); `flowlog-athena discover --source` lists them all.");
        return formats.Select(f => f.Format).FirstOrDefault(f => f is not null);
    }

    /// <summary>
    /// The first object of the chosen flow log, or of each flow log when none is chosen, among the first keys below
    /// the account/region prefix (flow logs sharing a prefix interleave there by name).
    /// </summary>
    private async Task<IReadOnlyList<string>> FirstObjectPerFlowLogAsync(string bucket, string prefix, FlowLogSource source, CancellationToken cancellationToken)
    {
        var firsts = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        var listed = 0;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = prefix,
                ContinuationToken = token,
                ExpectedBucketOwner = expectedBucketOwner,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var obj in page.S3Objects ?? [])
            {
                if (!obj.Key.EndsWith(source.Layout.FileExtension, StringComparison.Ordinal) || !FlowLogIds.Selects(source.FlowLogId, obj.Key)) continue;
                firsts.TryAdd(PartitionPaths.FlowLogIdOf(obj.Key) ?? "", obj.Key);
                if (source.FlowLogId is not null) return [obj.Key];
            }
            listed += page.S3Objects?.Count ?? 0;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null && listed < MaxKeysSearched && (source.FlowLogId is not null || firsts.Count == 0));
        return [.. firsts.Values.Order(StringComparer.Ordinal)];
    }

    private async Task<FlowLogFormat?> HeaderFormatAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var header = await new S3HeaderCheck(s3, expectedBucketOwner).HeaderAsync(new LogFile($"s3://{bucket}/{key}", "", "", default, 0), cancellationToken).ConfigureAwait(false);
        return header is null ? null : TextLogHeader.FormatOf(header);
    }
}
