using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Aws.S3;

/// <summary>Uploads a job's finished file to its s3:// key, with the expected bucket owner and encryption of <see cref="S3Uploader"/>.</summary>
public sealed class S3JobOutputStore(S3Uploader uploader) : IJobOutputStore
{
    public Task PublishAsync(string localFile, string destination, string contentType, CancellationToken cancellationToken) =>
        uploader.UploadAsync(localFile, S3Uri.ParseObject(destination, "output"), contentType, cancellationToken);
}
