namespace FlowLogAthena.Worker.Tests;

/// <summary>Files of the repository the tests use as they ship: the query packs, infra/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Queries => Path.Combine(Root, "queries");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowLogAthena.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No FlowLogAthena.sln above {AppContext.BaseDirectory}.");
    }
}
