namespace FlowLogAthena.Core.Jobs;

/// <summary>Sends s3:// destinations to the S3 store (created on first use, so local-only jobs need no AWS) and the rest to the local one.</summary>
public sealed class JobOutputRouter(IJobOutputStore local, Func<IJobOutputStore> s3) : IJobOutputStore
{
    private readonly Lazy<IJobOutputStore> _s3 = new(s3);

    public Task PublishAsync(string localFile, string destination, string contentType, CancellationToken cancellationToken) =>
        (destination.StartsWith("s3://", StringComparison.Ordinal) ? _s3.Value : local).PublishAsync(localFile, destination, contentType, cancellationToken);
}
