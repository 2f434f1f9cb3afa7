using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// What every log file must be before anything reads it, whatever its format: not empty (AWS never delivers a
/// 0-byte object, and a FIFO or device reports 0 bytes and would block a read) and readable, with the reason named.
/// </summary>
public static class LogFileGuard
{
    /// <exception cref="SourceException">The file has no bytes.</exception>
    public static void EnsureHasBytes(LogFile file)
    {
        if (file.SizeBytes == 0)
            throw new SourceException(
                $"Flow log file '{file.Path}' is empty (0 bytes) or not a regular file; AWS never delivers an empty object, so it is a failed copy or not a flow log. Delete it or fetch it again.");
    }

    /// <summary>Opens a log file for reading; a permission or I/O problem is a <see cref="SourceException"/> naming the file.</summary>
    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceException($"Flow log file '{path}' cannot be read: permission denied. Give this user read access to it (and its folders).", e);
        }
        catch (IOException e)
        {
            throw new SourceException($"Flow log file '{path}' cannot be read: {e.Message}", e);
        }
    }
}
