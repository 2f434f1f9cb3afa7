using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Uploads a finished local file to S3, naming the expected bucket owner and asking for encryption on
/// every request. A PutObject or a completed multipart upload appears whole or not at all; a failed
/// multipart upload is aborted so no parts are left behind (and billed).
/// </summary>
public sealed class S3Uploader(IAmazonS3 s3, S3WriteOptions options)
{
    public async Task UploadAsync(string localPath, S3Uri target, string contentType, CancellationToken cancellationToken)
    {
        var length = new FileInfo(localPath).Length;
        try
        {
            if (length <= options.MultipartThresholdBytes)
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = target.Bucket,
                    Key = target.Key,
                    FilePath = localPath,
                    ContentType = contentType,
                    ExpectedBucketOwner = options.ExpectedBucketOwner,
                    ServerSideEncryptionMethod = options.EncryptionMethod,
                    ServerSideEncryptionKeyManagementServiceKeyId = options.KmsKeyId,
                }, cancellationToken).ConfigureAwait(false);
            else
                await MultipartAsync(localPath, length, target, contentType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken))
        {
            throw S3Failures.Translate(e, $"Cannot write {target}", (m, inner) => new SinkException(m, inner));
        }
    }

    /// <summary>A server-side copy (no bytes through this machine), re-encrypted and owner-checked on both ends.</summary>
    public async Task CopyAsync(S3Uri source, S3Uri target, CancellationToken cancellationToken)
    {
        try
        {
            await s3.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = source.Bucket,
                SourceKey = source.Key,
                DestinationBucket = target.Bucket,
                DestinationKey = target.Key,
                ExpectedBucketOwner = options.ExpectedBucketOwner,
                ExpectedSourceBucketOwner = options.ExpectedBucketOwner,
                ServerSideEncryptionMethod = options.EncryptionMethod,
                ServerSideEncryptionKeyManagementServiceKeyId = options.KmsKeyId,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken))
        {
            throw S3Failures.Translate(e, $"Cannot copy {source} to {target}", (m, inner) => new SinkException(m, inner));
        }
    }

    private async Task MultipartAsync(string localPath, long length, S3Uri target, string contentType, CancellationToken cancellationToken)
    {
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = target.Bucket,
            Key = target.Key,
            ContentType = contentType,
            ExpectedBucketOwner = options.ExpectedBucketOwner,
            ServerSideEncryptionMethod = options.EncryptionMethod,
            ServerSideEncryptionKeyManagementServiceKeyId = options.KmsKeyId,
        }, cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            var number = 1;
            for (long offset = 0; offset < length; offset += options.PartSizeBytes, number++)
            {
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = target.Bucket,
                    Key = target.Key,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    FilePath = localPath,
                    FilePosition = offset,
                    PartSize = Math.Min(options.PartSizeBytes, length - offset),
                    ExpectedBucketOwner = options.ExpectedBucketOwner,
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(number, part.ETag));
            }
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = target.Key,
                UploadId = upload.UploadId,
                PartETags = parts,
                ExpectedBucketOwner = options.ExpectedBucketOwner,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbortAsync(target, upload.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Aborts a failed multipart upload so no parts are left billed: not with the caller's token (a cancelled run
    /// must still clean up), bounded, and best effort — when S3 cannot be reached the upload's own failure is the
    /// error to report (a bucket lifecycle rule for incomplete uploads is the backstop, see infra/).
    /// </summary>
    private async Task AbortAsync(S3Uri target, string uploadId)
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = target.Bucket,
                Key = target.Key,
                UploadId = uploadId,
                ExpectedBucketOwner = options.ExpectedBucketOwner,
            }, budget.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Failures.Is(e, CancellationToken.None))
        {
            // Reported by the caller's error; see above.
        }
    }
}
