using FlowLogAthena.Core.Queries;

namespace FlowLogAthena.Testing;

/// <summary>The repository (the folder holding FlowLogAthena.sln), found above the test binaries, and the files it ships.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<QueryCatalog> LazyCatalog = new(() => QueryCatalog.Load(Queries));

    public static string Path { get; } = Find();

    /// <summary>The query packs as they ship.</summary>
    public static string Queries => System.IO.Path.Combine(Path, "queries");

    /// <summary>The CloudFormation templates, IAM policies and systemd units.</summary>
    public static string Infra => System.IO.Path.Combine(Path, "infra");

    /// <summary>The shipped query catalog, loaded once per test assembly.</summary>
    public static QueryCatalog Catalog => LazyCatalog.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FlowLogAthena.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No FlowLogAthena.sln above {AppContext.BaseDirectory}.");
    }
}
