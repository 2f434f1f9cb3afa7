using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;

namespace FlowLogAthena.Core.Sinks;

/// <summary>
/// Writes a file so that it appears at its final name only when complete: the content goes to a hidden
/// temporary file in the same folder (same file system, so the rename is atomic) and is moved into place
/// after a flush; on any failure or cancellation the temporary file is deleted. The target is checked by
/// <see cref="OutputTarget"/> before the first byte and again just before the rename, so only a regular file is
/// ever replaced. A path that cannot be written (no such folder can be made, no permission) is bad input naming
/// it; a failure while writing (disk full) is a <see cref="SinkException"/>.
/// </summary>
public static class AtomicFile
{
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var full = OutputTarget.CheckFile(path, "output");
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = Open(folder, temp);
        try
        {
            T result;
            await using (stream.ConfigureAwait(false))
            {
                result = await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            // Something may have been put at the name while the content was written: check again, then rename.
            OutputTarget.CheckFile(full, "output");
            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (e is IOException or UnauthorizedAccessException)
                throw new SinkException($"Cannot write '{full}': {e.Message}", e);
            throw;
        }
    }

    private static FileStream Open(string folder, string temp)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputTargetException(folder, $"Cannot write into the output folder '{folder}': {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary name never looks like a result.
        }
    }
}
