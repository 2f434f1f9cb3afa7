using System.Globalization;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Worker.Hosting;

/// <summary>
/// One worker per state folder: an exclusive OS lock on <c>&lt;state&gt;/serve.lock</c> (FileShare.None, which .NET
/// takes as flock), held for the worker's life and released by the OS however the process ends, a crash or SIGKILL
/// included. Beside it, <c>serve.owner</c> names the holder (pid, start time, host) so a second worker can say who
/// has the folder; the lock file itself cannot be read while locked.
/// </summary>
internal sealed class StateFolderLock : IDisposable
{
    public const string LockFile = "serve.lock";
    public const string OwnerFile = "serve.owner";

    private readonly FileStream _lock;

    private StateFolderLock(FileStream held) => _lock = held;

    /// <summary>Takes the folder (creating it), or throws <see cref="WorkerSettingsException"/> naming the worker that has it.</summary>
    public static StateFolderLock Acquire(string stateFolder, DateTimeOffset now)
    {
        var folder = Path.GetFullPath(stateFolder);
        var lockPath = Path.Combine(folder, LockFile);
        FileStream held;
        try
        {
            Directory.CreateDirectory(folder);
            held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(lockPath) && !Directory.Exists(lockPath))
        {
            throw new WorkerSettingsException(
                $"serve: the state folder '{folder}' is in use by another worker ({Owner(folder)}); one worker per --state folder. Stop it, or give this one its own --state. ({e.Message})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkerSettingsException($"serve: the state folder '{folder}' cannot be used: {e.Message}", e);
        }

        try
        {
            var owner = string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}, started {now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} on {Environment.MachineName}");
            var temp = Path.Combine(folder, $".{OwnerFile}.{Environment.ProcessId}.tmp");
            File.WriteAllText(temp, owner + "\n");
            File.Move(temp, Path.Combine(folder, OwnerFile), overwrite: true);
            return new StateFolderLock(held);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held.Dispose();
            throw new WorkerSettingsException($"serve: the state folder '{folder}' cannot be written: {e.Message}", e);
        }
    }

    /// <summary>The holder as its owner file says, for the refusal message.</summary>
    private static string Owner(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, OwnerFile)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "its owner file could not be read";
        }
    }

    public void Dispose() => _lock.Dispose();
}
