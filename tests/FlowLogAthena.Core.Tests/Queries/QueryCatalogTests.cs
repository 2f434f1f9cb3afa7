using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

public sealed class QueryCatalogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-catalog-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Repo_queries_folder_loads_the_first_three_queries_in_their_packs()
    {
        var catalog = RepositoryRoot.Catalog;

        Assert.Equal("traffic", catalog.Get("top-talkers").Pack);
        Assert.Equal("security", catalog.Get("rejected-traffic").Pack);
        Assert.Equal("paths", catalog.Get("traffic-path").Pack);
        Assert.Contains("paths", catalog.Packs);
        Assert.Contains("security", catalog.Packs);
        Assert.Contains("traffic", catalog.Packs);
        Assert.Equal(catalog.All.OrderBy(q => q.Pack, StringComparer.Ordinal).ThenBy(q => q.Id, StringComparer.Ordinal), catalog.All);
    }

    [Theory]
    [InlineData("top-talkers", "srcaddr,dstaddr,bytes,packets,flows")]
    [InlineData("rejected-traffic", "srcaddr,dstaddr,dstport,attempts")]
    [InlineData("traffic-path", "flow_direction,traffic_path,label,bytes,packets,flows,bytes_share")]
    public void Repo_queries_declare_their_output_columns_in_order(string id, string columns)
    {
        var output = RepositoryRoot.Catalog.Get(id).Output.Select(c => c.Name).ToList();

        Assert.Equal(columns.Split(','), output.Take(columns.Split(',').Length));
    }

    [Theory]
    [InlineData("top-talkers")]
    [InlineData("rejected-traffic")]
    public void Limit_parameter_is_an_int_defaulting_to_10_within_1_to_100000(string id)
    {
        var limit = RepositoryRoot.Catalog.Get(id).FindParameter("limit");

        Assert.NotNull(limit);
        Assert.Equal(QueryParameterType.Int, limit.Type);
        Assert.Equal("10", limit.Default?.Canonical);
        Assert.Equal(1, limit.Min);
        Assert.Equal(100000, limit.Max);
    }

    [Fact]
    public void Traffic_path_query_requires_the_v5_fields()
    {
        var query = RepositoryRoot.Catalog.Get("traffic-path");

        Assert.Contains("flow-direction", query.RequiresFields);
        Assert.Contains("traffic-path", query.RequiresFields);
    }

    [Fact]
    public void Get_accepts_pack_qualified_ids_and_rejects_the_wrong_pack()
    {
        var catalog = RepositoryRoot.Catalog;

        Assert.Equal("top-talkers", catalog.Get("traffic/top-talkers").Id);
        Assert.False(catalog.TryGet("security/top-talkers", out _));
    }

    [Fact]
    public void Unknown_query_id_suggests_the_nearest()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => RepositoryRoot.Catalog.Get("top-talker"));

        Assert.Contains("'top-talker'", error.Message);
        Assert.Contains("Did you mean 'top-talkers'?", error.Message);
    }

    [Fact]
    public void Unknown_query_id_that_starts_a_real_id_suggests_it()
    {
        Assert.Contains("Did you mean 'rejected-traffic'?", Assert.Throws<QueryDefinitionException>(() => RepositoryRoot.Catalog.Get("rejected-tr")).Message);
    }

    [Fact]
    public void Unknown_pack_lists_the_packs()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => RepositoryRoot.Catalog.InPack("trafic"));

        Assert.Contains("'trafic'", error.Message);
        Assert.Contains("traffic", error.Message.Split("Packs:")[1]);
    }

    [Fact]
    public void Duplicate_id_across_packs_names_both_files_and_the_id_line()
    {
        var first = Write("alpha", "same", QueryText.File(QueryText.MinimalFrontMatter("same"), "SELECT 1"));
        var second = Write("beta", "same", QueryText.File(QueryText.MinimalFrontMatter("same"), "SELECT 1"));

        var error = Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root));

        Assert.StartsWith($"{second}:2:", error.Message);
        Assert.Contains(first, error.Message);
        Assert.Contains("'same'", error.Message);
    }

    [Fact]
    public void A_bad_file_fails_the_load_naming_the_file()
    {
        var bad = Write("alpha", "broken", "---\nid: broken\n");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root));

        Assert.StartsWith($"{bad}:1:", error.Message);
    }

    [Fact]
    public void A_query_file_outside_a_pack_folder_is_refused()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "loose.sql"), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root));

        Assert.Contains("loose.sql", error.Message);
        Assert.Contains("pack folder", error.Message);
    }

    [Fact]
    public void Missing_query_folder_is_a_definition_error()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root));

        Assert.Contains(_root, error.Message);
    }

    private string Write(string pack, string id, string text)
    {
        var dir = Path.Combine(_root, pack);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, id + ".sql");
        File.WriteAllText(path, text);
        return path;
    }
}
