namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>The <c>control:</c> front matter key that makes a query a compliance control, and packs of controls.</summary>
public sealed class ControlQueryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-controls-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Control_states_the_rule_and_a_plain_query_has_none()
    {
        var control = QueryText.WithBody("SELECT 1", extra: "control: No telnet, ever.");
        var plain = QueryText.WithBody("SELECT 1");

        Assert.Equal("No telnet, ever.", control.Control);
        Assert.Null(plain.Control);
    }

    [Fact]
    public void A_control_cannot_take_the_limit_row_cap_because_its_evidence_must_be_complete()
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter(extra: """
            control: No telnet.
            parameters:
              - name: limit
                type: int
                default: 10
            """), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{QueryText.PathOf()}:8:", error.Message);
        Assert.Contains("'limit'", error.Message);
    }

    [Fact]
    public void An_empty_control_is_refused()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.WithBody("SELECT 1", extra: "control: ''"));

        Assert.Contains("'control'", error.Message);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_pack_mixing_controls_and_plain_queries_is_refused_naming_both()
    {
        Write("audit", "no-telnet", QueryText.File(QueryText.MinimalFrontMatter("no-telnet", "control: No telnet."), "SELECT 1"));
        var plain = Write("audit", "top", QueryText.File(QueryText.MinimalFrontMatter("top"), "SELECT 1"));

        var error = Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root));

        Assert.StartsWith($"{plain}:2:", error.Message);
        Assert.Contains("no-telnet", error.Message);
        Assert.Contains("'control:'", error.Message);
    }

    [Fact]
    public void The_compliance_pack_is_the_only_pack_of_controls_so_the_other_packs_keep_the_query_summary()
    {
        var catalog = RepositoryRoot.Catalog;

        Assert.True(QueryCatalog.IsControlPack(catalog.InPack("compliance")));
        Assert.All(catalog.Packs.Where(p => p != "compliance"), p => Assert.False(QueryCatalog.IsControlPack(catalog.InPack(p)), p));
        Assert.All(catalog.InPack("compliance"), q => Assert.Null(q.FindParameter("limit")));
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
