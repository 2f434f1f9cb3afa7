using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Jobs;

/// <summary>Publishes a finished local file to one output and records exactly which bytes went there.</summary>
public static class JobOutputPublisher
{
    public static Task<JobOutputRecord> PublishAsync(IJobOutputStore store, string localFile, string destination, ResultFormat format, CancellationToken cancellationToken) =>
        PublishAsync(store, localFile, destination, format.Name, format.ContentType, cancellationToken);

    /// <summary>Any file, a report's page too: <paramref name="format"/> as the manifest records it, and its content type.</summary>
    public static async Task<JobOutputRecord> PublishAsync(IJobOutputStore store, string localFile, string destination, string format, string contentType, CancellationToken cancellationToken)
    {
        await store.PublishAsync(localFile, destination, contentType, cancellationToken).ConfigureAwait(false);
        var (sha256, bytes) = await FileDigest.OfAsync(localFile, cancellationToken).ConfigureAwait(false);
        return new JobOutputRecord(destination, format, sha256, bytes);
    }
}
