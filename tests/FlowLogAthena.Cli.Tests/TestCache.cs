namespace FlowLogAthena.Cli.Tests;

/// <summary>
/// The CLI's default caches (the columnar store, S3 objects) live under $XDG_CACHE_HOME: for this test run, a folder
/// of its own instead of the user's ~/.cache, for in-process runs and child processes alike; removed at exit.
/// </summary>
internal static class TestCache
{
    public static string Folder { get; } = Create();

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("flowlog-athena-cli-tests-cache-").FullName;
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // $TMPDIR is cleaned by the system.
            }
        };
        return folder;
    }

    /// <summary>Makes sure the variable is set before a run; reading the folder does it.</summary>
    public static void Ensure() => _ = Folder;
}
