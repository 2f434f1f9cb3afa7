namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// Partials: shared template text in a catalog's <c>partials/</c> folder, included by name with
/// <c>{{ partial 'name' { key: value } }}</c>, rendered inside the including query with its declarations.
/// </summary>
public sealed class QueryPartialsTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private const string Parameters = """
        parameters:
          - name: port
            type: port
            default: 22
          - name: source
            type: cidr
            default: 10.0.0.0/8
        """;

    /// <summary>Writes <c>traffic/sample.sql</c> (front matter on lines 1–15, body from line 16) and returns its path.</summary>
    private string Query(string body, string parameters = Parameters) =>
        Write("traffic/sample.sql", QueryText.File(QueryText.MinimalFrontMatter(extra: parameters), body));

    private string Partial(string name, string text) => Write($"partials/{name}.sql", text);

    private string Write(string relative, string text)
    {
        var path = _root.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private QueryDefinition Sample() => QueryCatalog.Load(_root.Path).Get("sample");

    private static RenderedQuery Render(QueryDefinition query, SqlDialect dialect = SqlDialect.DuckDb) =>
        QueryRenderer.Render(query, RepoQueries.Request(dialect));

    private QueryDefinitionException LoadFails() => Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root.Path));

    [Fact]
    public void A_partial_renders_where_it_is_called_with_its_arguments_as_variables()
    {
        Partial("accepted", "WHERE {{ col 'srcaddr' }} = {{ value }}\n  AND {{ if flag }}TRUE{{ else }}FALSE{{ end }}\n");
        Query("SELECT 1\nFROM {{ table }}\n{{ partial 'accepted' { value: '1', flag: true } }}\nLIMIT 1");

        Assert.Equal("SELECT 1\nFROM \"flowlogs\".\"vpc_flow_logs\"\nWHERE \"srcaddr\" = 1\n  AND TRUE\nLIMIT 1", Render(Sample()).Sql);
    }

    [Fact]
    public void Athena_placeholders_of_the_query_and_its_partial_bind_in_text_order()
    {
        Partial("by-source", "AND {{ cidr_match (col 'srcaddr') 'source' }}\n  AND {{ col 'srcaddr' }} <> {{ param 'source' }}");
        Query("SELECT 1 FROM {{ table }}\nWHERE {{ col 'srcaddr' }} = {{ param 'port' }}\n  {{ partial 'by-source' }}\n  AND {{ col 'end' }} > {{ param 'port' }}");

        var rendered = Render(Sample(), SqlDialect.Athena);

        Assert.Equal(["22", "'10.0.0.0/8'", "22"], rendered.ExecutionParameters);
        Assert.Equal(3, rendered.Sql.Count(c => c == '?'));
    }

    [Fact]
    public void The_catalog_lists_no_partial_and_has_no_partials_pack()
    {
        Partial("sample", "WHERE TRUE");
        Query("SELECT 1 FROM {{ table }}\n{{ partial 'sample' }}");

        var catalog = QueryCatalog.Load(_root.Path);

        Assert.Equal(["traffic"], catalog.Packs);
        Assert.Equal(["traffic/sample"], catalog.All.Select(q => q.QualifiedId));
    }

    [Fact]
    public void The_expanded_body_writes_the_partials_out_nested_ones_too()
    {
        Partial("outer", "WHERE {{ time_window }}\n{{ partial 'inner' { column: 'srcaddr' } }}");
        Partial("inner", "  AND {{ col column }} IS NOT NULL\n");
        Query("SELECT 1 FROM {{ table }}\n{{- partial 'outer' }}");

        Assert.Equal(
            "SELECT 1 FROM {{ table }}\n{{- # partial 'outer' from partials/outer.sql }}\nWHERE {{ time_window }}\n"
            + "{{ # partial 'inner' { column: 'srcaddr' } from partials/inner.sql }}\n  AND {{ col column }} IS NOT NULL\n{{ # end of partial 'inner' }}"
            + "\n{{ # end of partial 'outer' }}",
            Sample().ExpandedBody);
        Assert.EndsWith("\n  AND \"srcaddr\" IS NOT NULL", Render(Sample()).Sql);
    }

    [Fact]
    public void A_missing_partial_is_a_load_error_naming_the_query_file_line_and_the_partial()
    {
        Partial("present", "WHERE TRUE");
        var query = Query("SELECT 1 FROM {{ table }}\n{{ partial 'absent' }}");

        var error = LoadFails();

        Assert.StartsWith($"{query}:17:", error.Message);
        Assert.Contains($"No partial 'absent' in {_root.Combine("partials")} (partials: present).", error.Message);
    }

    [Theory]
    [InlineData("../traffic/sample")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/part")]
    [InlineData("..\\\\part")]
    [InlineData("..")]
    public void A_partial_name_that_is_a_path_is_refused(string name)
    {
        Partial("part", "WHERE TRUE");
        Write("partials/sub/part.sql", "WHERE TRUE");
        Query($"SELECT 1 FROM {{{{ table }}}}\n{{{{ partial '{name}' }}}}");

        Assert.Contains("partial takes a partial's name, not a path", LoadFails().Message);
    }

    [Fact]
    public void A_partial_that_links_out_of_the_partials_folder_is_refused()
    {
        var outside = Write("secret.txt", "SELECT 'secret'");
        Directory.CreateDirectory(_root.Combine("partials"));
        File.CreateSymbolicLink(_root.Combine("partials", "leak.sql"), outside);
        Query("SELECT 1 FROM {{ table }}\n{{ partial 'leak' }}");

        Assert.Contains($"a partial must be a file of {_root.Combine("partials")}; this one leads to {outside}", LoadFails().Message);
    }

    [Fact]
    public void A_partial_using_an_undeclared_parameter_fails_as_the_same_use_in_the_query_does()
    {
        const string use = "AND {{ col 'srcaddr' }} = {{ param 'undeclared' }}";
        var query = Query($"SELECT 1 FROM {{{{ table }}}}\n{use}");
        var inline = Assert.Throws<QueryDefinitionException>(() => Render(Sample()));
        var partial = Partial("filter", $"\n{use}");
        Query("SELECT 1 FROM {{ table }}\n{{ partial 'filter' }}");

        var included = Assert.Throws<QueryDefinitionException>(() => Render(Sample()));

        var message = inline.Message[(inline.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        Assert.StartsWith($"{query}:17:30: ", inline.Message);
        Assert.Contains("parameter 'undeclared', which the front matter does not declare", message);
        Assert.Equal($"{query}:17:4: in partial 'filter' ({partial}:2:30): {message}", included.Message);
    }

    [Fact]
    public void A_partial_reading_an_undeclared_field_is_refused_like_inline_use()
    {
        Partial("filter", "WHERE {{ col 'dstport' }} = 22");
        Query("SELECT 1 FROM {{ table }}\n{{ partial 'filter' }}");

        Assert.Contains("col 'dstport' reads field 'dstport', which requires_fields does not list", Assert.Throws<QueryDefinitionException>(() => Render(Sample())).Message);
    }

    [Fact]
    public void A_partial_with_front_matter_is_refused()
    {
        var partial = Partial("filter", "---\nid: filter\n---\nWHERE TRUE");

        Assert.StartsWith($"{partial}:1: a partial has no front matter", LoadFails().Message);
    }

    [Fact]
    public void Partials_that_include_each_other_are_refused()
    {
        Partial("a", "{{ partial 'b' }}");
        Partial("b", "{{ partial 'a' }}");

        Assert.Contains("partials include each other in a circle: a → b → a", LoadFails().Message);
    }

    [Theory]
    [InlineData("{{ partial \"filter\" }}")]
    [InlineData("{{ partial 'fil' + 'ter' }}")]
    [InlineData("{{ x = partial 'filter' }}")]
    public void A_partial_call_must_stand_alone_with_a_quoted_name(string call)
    {
        Partial("filter", "WHERE TRUE");
        Query("SELECT 1 FROM {{ table }}\n" + call);

        Assert.Contains("write each partial call alone in its tag", LoadFails().Message);
    }

    [Fact]
    public void An_argument_may_not_hide_a_helper()
    {
        Partial("filter", "WHERE {{ col }} = 1");
        Query("SELECT 1 FROM {{ table }}\n{{ partial 'filter' { col: 'srcaddr' } }}");

        Assert.Contains("partial 'filter' is given 'col', which would hide the helper of that name", Assert.Throws<QueryDefinitionException>(() => Render(Sample())).Message);
    }

    [Fact]
    public void A_query_parsed_outside_a_catalog_has_no_partials()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.WithBody("SELECT 1\n{{ partial 'filter' }}"));

        Assert.Contains("No partial 'filter': partials come from a catalog's partials/ folder", error.Message);
    }
}
