using FlowLogAthena.Core.Queries;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>The repository's real <c>queries/</c> folder, found by walking up to FlowLogAthena.sln.</summary>
internal static class RepoQueries
{
    public static string Folder { get; } = Path.Combine(FindRepoRoot(), "queries");

    private static readonly Lazy<QueryCatalog> LazyCatalog = new(() => QueryCatalog.Load(Folder));

    public static QueryCatalog Catalog => LazyCatalog.Value;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowLogAthena.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No FlowLogAthena.sln above {AppContext.BaseDirectory}.");
    }
}
