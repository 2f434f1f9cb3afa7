using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.S3;

/// <summary>Deletes objects the tool itself wrote (stale twin files, staging), naming the expected bucket owner.</summary>
internal sealed class S3Deleter(IAmazonS3 s3, string? expectedBucketOwner)
{
    /// <summary>S3's limit of keys per DeleteObjects request.</summary>
    private const int BatchSize = 1000;

    public async Task DeleteAsync(string bucket, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var batch in keys.Chunk(BatchSize))
        {
            DeleteObjectsResponse response;
            try
            {
                response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = bucket,
                    Objects = batch.Select(key => new KeyVersion { Key = key }).ToList(),
                    ExpectedBucketOwner = expectedBucketOwner,
                    Quiet = true,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (S3Failures.Is(e, cancellationToken))
            {
                throw S3Failures.Translate(e, $"Cannot delete {batch.Length} objects in s3://{bucket}/ (first {batch[0]})", (m, inner) => new SinkException(m, inner));
            }
            if (response.DeleteErrors is { Count: > 0 } errors)
                throw new SinkException($"Cannot delete s3://{bucket}/{errors[0].Key}: {errors[0].Code}: {errors[0].Message}"
                    + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""));
        }
    }

    /// <summary>Deletes every object below a prefix.</summary>
    public async Task DeleteBelowAsync(S3Uri prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var obj in new S3LogFileLister(s3, expectedBucketOwner).ObjectsBelowAsync(prefix, cancellationToken).ConfigureAwait(false))
            keys.Add(obj.Key);
        if (keys.Count > 0) await DeleteAsync(prefix.Bucket, keys, cancellationToken).ConfigureAwait(false);
    }
}
