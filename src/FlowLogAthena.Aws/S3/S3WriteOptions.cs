using Amazon.S3;

namespace FlowLogAthena.Aws.S3;

/// <summary>How every object FlowLogAthena writes to S3 is protected.</summary>
public sealed class S3WriteOptions
{
    /// <summary>The account that must own the bucket; S3 refuses the write otherwise (confused-deputy guard).</summary>
    public string? ExpectedBucketOwner { get; set; }

    /// <summary>Server-side encryption to request: SSE-S3 (AES256) unless a KMS key is named.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>Objects above this size are sent as a multipart upload.</summary>
    public long MultipartThresholdBytes { get; set; } = 64L << 20;

    public long PartSizeBytes { get; set; } = 16L << 20;

    public ServerSideEncryptionMethod EncryptionMethod =>
        KmsKeyId is null ? ServerSideEncryptionMethod.AES256 : ServerSideEncryptionMethod.AWSKMS;
}
