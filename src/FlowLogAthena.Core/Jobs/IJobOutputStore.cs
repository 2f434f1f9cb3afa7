namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// Puts a finished local file at a job's output location. Whatever the store, the destination appears whole
/// or not at all, and an existing one is replaced (a rerun for the same window writes the same keys).
/// </summary>
public interface IJobOutputStore
{
    Task PublishAsync(string localFile, string destination, string contentType, CancellationToken cancellationToken);
}
