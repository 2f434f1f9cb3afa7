using System.Security.Cryptography;

namespace FlowLogAthena.Core.Jobs;

/// <summary>Publishes a finished local file to one output and records exactly which bytes went there.</summary>
public static class JobOutputPublisher
{
    public static async Task<JobOutputRecord> PublishAsync(IJobOutputStore store, string localFile, string destination, string format, string contentType, CancellationToken cancellationToken)
    {
        await store.PublishAsync(localFile, destination, contentType, cancellationToken).ConfigureAwait(false);
        await using var stream = File.OpenRead(localFile);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        return new JobOutputRecord(destination, format, sha256, stream.Length);
    }
}
