using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Local.Store;

/// <summary>
/// An exclusive lock on one store partition, held while it is converted or pruned: a lock file opened without
/// sharing (an advisory <c>flock</c> on Linux and macOS), which the system releases when the process ends, however it
/// ends. Another run waits for it and then finds the partition built.
/// </summary>
internal sealed class PartitionLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private PartitionLock(FileStream file) => _file = file;

    public static async Task<PartitionLock> AcquireAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException($"Cannot create the store folder '{folder}': {e.Message}. Choose another with --store DIR, or --store off.", e);
        }
        var path = Path.Combine(folder, ColumnarStore.LockFile);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new PartitionLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another run holds it: wait for it to finish this partition.
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new SourceException($"Cannot lock the store partition '{folder}': {e.Message}. Choose another store with --store DIR, or --store off.", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
