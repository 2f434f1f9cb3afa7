namespace FlowLogAthena.Reports.Tests;

/// <summary>The repository's root, found above the test binaries, for the shipped query packs.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Queries => System.IO.Path.Combine(Path, "queries");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FlowLogAthena.sln"))) return dir.FullName;
        throw new InvalidOperationException("FlowLogAthena.sln not found above " + AppContext.BaseDirectory);
    }
}
