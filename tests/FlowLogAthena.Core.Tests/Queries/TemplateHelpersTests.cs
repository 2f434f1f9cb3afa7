namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>The helpers templates use, rendered through ad hoc queries (front matter on lines 1–8, body from line 9).</summary>
public sealed class TemplateHelpersTests
{
    private const int FirstBodyLine = 9;

    private const string NetworkParameters = """
        parameters:
          - name: network
            type: cidr
          - name: networks
            type: list
            item_type: cidr
            default: 10.0.0.0/8,192.168.0.0/16
          - name: name
            type: string
          - name: ports
            type: list
            item_type: port
            default: [22, 3389]
        """;

    private static readonly string Sample = QueryText.PathOf();

    private static string Render(string body, string extra = "", SqlDialect dialect = SqlDialect.DuckDb,
        Dictionary<string, string>? parameters = null) =>
        QueryRenderer.Render(QueryText.WithBody(body, extra), RepoQueries.Request(dialect, parameters)).Sql;

    private static QueryDefinitionException Fails(string body, string extra = "", Dictionary<string, string>? parameters = null) =>
        Assert.Throws<QueryDefinitionException>(() => Render(body, extra, parameters: parameters));

    [Fact]
    public void Unknown_template_variable_names_the_file_and_line()
    {
        var error = Fails("SELECT 1\nFROM {{ table }}\nLIMIT {{ limit }}");

        Assert.StartsWith($"{Sample}:{FirstBodyLine + 2}:", error.Message);
        Assert.Contains("`limit` was not found", error.Message);
        Assert.Contains("param", error.Message);
    }

    [Fact]
    public void Scriban_builtins_are_not_in_scope()
    {
        Assert.Contains("`string` was not found", Fails("SELECT {{ string.upcase 'a' }}").Message);
    }

    [Fact]
    public void Col_quotes_the_column_of_a_declared_field_including_reserved_end()
    {
        Assert.Equal("SELECT \"end\" - \"start\", \"log_status\"", Render("SELECT {{ col 'end' }} - {{ col 'start' }}, {{ col 'log-status' }}"));
    }

    [Fact]
    public void Col_of_a_field_missing_from_requires_fields_names_the_line()
    {
        var error = Fails("SELECT\n  {{ col 'dstaddr' }}");

        Assert.StartsWith($"{Sample}:{FirstBodyLine + 1}:", error.Message);
        Assert.Contains("'dstaddr', which requires_fields does not list", error.Message);
    }

    [Fact]
    public void Col_with_a_column_name_asks_for_the_aws_name()
    {
        Assert.Contains("write col 'log-status'", Fails("SELECT {{ col 'log_status' }}").Message);
    }

    [Fact]
    public void Fields_selects_each_field_under_its_own_name_one_a_line_at_the_calling_line_s_indentation()
    {
        Assert.Equal(
            "SELECT\n    \"srcaddr\" AS \"srcaddr\",\n    \"log_status\" AS \"log_status\",\n    \"end\" AS \"end\"\nFROM x",
            Render("SELECT\n    {{ fields 'srcaddr' 'log-status' 'end' }}\nFROM x"));
    }

    [Fact]
    public void Fields_checks_each_field_as_col_does()
    {
        var error = Fails("SELECT\n  {{ fields 'srcaddr' 'dstaddr' }}");

        Assert.StartsWith($"{Sample}:{FirstBodyLine + 1}:", error.Message);
        Assert.Contains("'dstaddr', which requires_fields does not list", error.Message);
        Assert.Contains("write col 'log-status'", Fails("SELECT {{ fields 'log_status' }}").Message);
    }

    [Fact]
    public void Fields_without_a_field_is_refused()
    {
        Assert.Contains("fields takes one or more field names", Fails("SELECT {{ fields }}").Message);
    }

    [Fact]
    public void Col_of_an_unknown_field_suggests_the_nearest()
    {
        Assert.Contains("Did you mean 'srcaddr'?", Fails("SELECT {{ col 'srcadr' }}").Message);
    }

    [Fact]
    public void Param_of_an_undeclared_parameter_is_a_definition_error()
    {
        var error = Fails("SELECT {{ param 'limit' }}");

        Assert.StartsWith($"{Sample}:{FirstBodyLine}:", error.Message);
        Assert.Contains("'limit'", error.Message);
    }

    [Fact]
    public void Optional_parameter_without_value_must_be_guarded_with_has_param()
    {
        var unguarded = Fails("SELECT {{ param 'name' }}", NetworkParameters);
        Assert.Contains("has_param 'name'", unguarded.Message);

        const string guarded = "SELECT 1{{ if has_param 'name' }} WHERE x = {{ param 'name' }}{{ end }}";
        Assert.Equal("SELECT 1", Render(guarded, NetworkParameters));
        Assert.Equal("SELECT 1 WHERE x = 'web-01'", Render(guarded, NetworkParameters, parameters: new() { ["name"] = "web-01" }));
    }

    [Fact]
    public void String_parameter_with_a_quote_never_reaches_the_sql()
    {
        var error = Assert.Throws<QueryParameterException>(() =>
            Render("SELECT {{ param 'name' }}", NetworkParameters, parameters: new() { ["name"] = "x' OR '1'='1" }));

        Assert.Equal("name", error.Parameter);
        Assert.Contains("contains a quote", error.Message);
    }

    [Fact]
    public void List_parameter_renders_an_in_list()
    {
        Assert.Equal("SELECT 1 WHERE p IN (22, 3389)", Render("SELECT 1 WHERE p IN ({{ param 'ports' }})", NetworkParameters));
    }

    [Fact]
    public void Cidr_match_renders_the_dialect_expression_for_the_parameter()
    {
        var athena = Render("SELECT 1 WHERE {{ cidr_match (col 'srcaddr') 'network' }}", NetworkParameters, SqlDialect.Athena,
            new() { ["network"] = "10.1.2.3/16" });

        Assert.Equal("SELECT 1 WHERE COALESCE(contains('10.1.0.0/16', TRY_CAST(\"srcaddr\" AS IPADDRESS)), FALSE)", athena);
    }

    [Fact]
    public void Cidr_match_of_a_list_compares_every_network()
    {
        var duckdb = Render("SELECT 1 WHERE {{ cidr_match (col 'srcaddr') 'networks' }}", NetworkParameters);

        Assert.Contains("regexp_full_match(\"srcaddr\", '(10[.]", duckdb);
        Assert.Contains("|192[.]168[.]", duckdb);
    }

    [Fact]
    public void Cidr_match_refuses_a_parameter_that_is_not_a_network()
    {
        Assert.Contains("needs a cidr or ip parameter", Fails("SELECT {{ cidr_match (col 'srcaddr') 'name' }}", NetworkParameters).Message);
    }

    [Fact]
    public void Label_helpers_need_their_field_in_requires_fields()
    {
        Assert.Contains("'protocol', which requires_fields does not list", Fails("SELECT {{ protocol_label 'p' }}").Message);
    }

    [Fact]
    public void Semicolons_in_rendered_sql_are_refused()
    {
        Assert.Contains("single statement", Fails("SELECT 1; SELECT 2").Message);
    }

    [Fact]
    public void Rendered_sql_is_tidied()
    {
        Assert.Equal("SELECT 1\n\nFROM t", Render("\n\nSELECT 1   \n\n\n\nFROM t\n\n"));
    }
}
