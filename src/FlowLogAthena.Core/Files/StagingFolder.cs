using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Files;

/// <summary>
/// A private folder for one run's staged files: a fresh random name under $TMPDIR, mode 0700 (only this user can
/// list or open what is in it), never a fixed shared path another user could create first or read. Disposing it
/// removes it with everything in it, so a finished, failed or cancelled run leaves nothing behind.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    private StagingFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates the folder; <paramref name="purpose"/> (job, report, generate, …) only helps a reader of $TMPDIR.</summary>
    public static StagingFolder Create(string purpose)
    {
        DirectoryInfo folder;
        try
        {
            folder = Directory.CreateTempSubdirectory($"flowlog-athena-{purpose}-");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SinkException($"Cannot create a private staging folder under '{System.IO.Path.GetTempPath()}' ($TMPDIR): {e.Message}", e);
        }
        // mkdtemp already makes it 0700; say so explicitly rather than rely on it.
        if (!OperatingSystem.IsWindows())
            System.IO.File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new StagingFolder(folder.FullName);
    }

    /// <summary>A path for a file in the folder.</summary>
    public string FileNamed(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a staged file never looks like a result, and $TMPDIR is cleaned by the system.
        }
    }
}
