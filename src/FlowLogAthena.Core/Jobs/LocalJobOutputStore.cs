using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Jobs;

/// <summary>Copies the file to a local path through <see cref="AtomicFile"/>, so a reader never sees half of it.</summary>
public sealed class LocalJobOutputStore : IJobOutputStore
{
    public Task PublishAsync(string localFile, string destination, string contentType, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(destination, async (target, ct) =>
        {
            await using var source = File.OpenRead(localFile);
            await source.CopyToAsync(target, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
