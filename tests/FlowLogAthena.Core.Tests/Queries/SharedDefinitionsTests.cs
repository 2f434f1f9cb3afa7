using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// Shared front matter: <c>partials/parameters.yaml</c> and <c>partials/columns.yaml</c> hold parameters and output
/// columns several queries declare alike; a query names one bare, or with <c>use:</c> and the keys it changes.
/// </summary>
public sealed class SharedDefinitionsTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private const string SharedParameters = """
        # shared
        - name: limit
          type: int
          description: How many rows to return.
          default: 10
          min: 1
          max: 100000
        - name: internal_cidrs
          type: list
          item_type: cidr
          description: Your own networks.
          default: 10.0.0.0/8,fc00::/7
        """;

    private const string SharedColumns = """
        - name: bytes
          description: Bytes in the window.
        - name: flows
          description: Flow records in the window.
        """;

    private string Write(string relative, string text)
    {
        var path = _root.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes the shared files and <c>traffic/sample.sql</c> with these parameters and output lines; returns its path.</summary>
    private string Query(string parameters, string output = "  - name: srcaddr\n    description: Source.")
    {
        Write("partials/parameters.yaml", SharedParameters);
        Write("partials/columns.yaml", SharedColumns);
        return Write("traffic/sample.sql", $"""
            ---
            id: sample
            title: Sample
            description: A query for tests.
            parameters:
            {parameters}
            requires_fields: [srcaddr, bytes, start]
            output:
            {output}
            ---
            SELECT 1 FROM {"{{ table }}"}
            """);
    }

    private QueryDefinition Sample() => QueryCatalog.Load(_root.Path).Get("sample");

    private QueryDefinitionException LoadFails() => Assert.Throws<QueryDefinitionException>(() => QueryCatalog.Load(_root.Path));

    [Fact]
    public void A_bare_name_takes_the_shared_parameter_as_it_is()
    {
        Query("  - internal_cidrs");

        var parameter = Assert.Single(Sample().Parameters);

        Assert.Equal("internal_cidrs", parameter.Name);
        Assert.Equal(QueryParameterType.List, parameter.Type);
        Assert.Equal(QueryParameterType.Cidr, parameter.ItemType);
        Assert.Equal("Your own networks.", parameter.Description);
        Assert.Equal("10.0.0.0/8,fc00::/7", parameter.Default!.Canonical);
    }

    [Fact]
    public void Use_with_keys_changes_only_those_keys_of_the_shared_parameter()
    {
        Query("  - use: limit\n    description: How many pairs to return.\n    default: 1000\n    max: 1000000");

        var limit = Assert.Single(Sample().Parameters);

        Assert.Equal(("limit", QueryParameterType.Int, "How many pairs to return."), (limit.Name, limit.Type, limit.Description));
        Assert.Equal(("1000", 1L, 1_000_000L), (limit.Default!.Canonical, limit.Min, limit.Max));
    }

    [Fact]
    public void Shared_and_own_output_columns_keep_the_query_s_order()
    {
        Query("  - limit", "  - name: srcaddr\n    description: Source.\n  - bytes\n  - flows");

        Assert.Equal(
            [("srcaddr", "Source."), ("bytes", "Bytes in the window."), ("flows", "Flow records in the window.")],
            Sample().Output.Select(c => (c.Name, c.Description)));
    }

    [Fact]
    public void An_unknown_shared_name_names_the_query_line_and_the_shared_ones()
    {
        var query = Query("  - limit\n  - internal_cidr");

        var error = LoadFails();

        Assert.StartsWith($"{query}:7: 'internal_cidr' is not a shared parameter", error.Message);
        Assert.Contains($"shared parameters of {_root.Combine("partials", "parameters.yaml")}: internal_cidrs, limit", error.Message);
    }

    [Fact]
    public void A_shared_parameter_taken_twice_is_refused_at_the_second_line()
    {
        var query = Query("  - limit\n  - use: limit\n    default: 5");

        Assert.StartsWith($"{query}:7: Parameter 'limit' is declared twice.", LoadFails().Message);
    }

    [Fact]
    public void Use_with_a_name_is_refused()
    {
        var query = Query("  - use: limit\n    name: top");

        Assert.StartsWith($"{query}:7: A parameter with 'use: limit' takes its name from the shared parameter; drop 'name'.", LoadFails().Message);
    }

    [Fact]
    public void A_change_that_breaks_a_shared_key_names_that_key_in_the_shared_file_and_the_query_line_using_it()
    {
        // required: true cannot stand beside the shared default, which sits on line 5 of parameters.yaml.
        var query = Query("  - use: limit\n    required: true");

        var error = LoadFails();

        Assert.Equal(
            $"{_root.Combine("partials", "parameters.yaml")}:5 (used at {query}:6): Parameter 'limit' is required, so it cannot have a default.",
            error.Message);
    }

    [Fact]
    public void A_wrong_value_given_with_use_names_the_query_line()
    {
        var query = Query("  - use: limit\n    default: lots");

        Assert.StartsWith($"{query}:7: The default of parameter 'limit' is invalid", LoadFails().Message);
    }

    [Fact]
    public void A_bad_entry_in_a_shared_file_fails_the_load_naming_its_line_even_when_no_query_uses_it()
    {
        Query("  - limit");
        var shared = Write("partials/columns.yaml", SharedColumns + "\n- name: Bad-Name\n  description: x\n");

        Assert.StartsWith($"{shared}:5: Output column 'Bad-Name' must be lower case letters", LoadFails().Message);
    }

    [Fact]
    public void A_shared_entry_defined_twice_is_refused()
    {
        Query("  - limit");
        var shared = Write("partials/columns.yaml", SharedColumns + "\n- name: bytes\n  description: again\n");

        Assert.StartsWith($"{shared}:5: The shared output column 'bytes' is defined twice.", LoadFails().Message);
    }

    [Fact]
    public void A_shared_file_that_links_out_of_the_partials_folder_is_refused()
    {
        Query("  - limit");
        var outside = Write("elsewhere.yaml", SharedColumns);
        File.Delete(_root.Combine("partials", "columns.yaml"));
        File.CreateSymbolicLink(_root.Combine("partials", "columns.yaml"), outside);

        Assert.Contains($"this one leads to {outside}", LoadFails().Message);
    }

    [Theory]
    [InlineData("  - use: [limit, internal_cidrs]", "'use' of a parameter must be a single value")]
    [InlineData("  - [limit]", "A parameter must be a mapping")]
    [InlineData("  - use: ../limit", "'../limit' is not a shared parameter")]
    public void A_malformed_use_is_refused_at_its_line(string parameters, string expected)
    {
        var query = Query(parameters);

        var error = LoadFails();

        Assert.StartsWith($"{query}:6:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_shared_file_that_is_a_folder_is_refused_naming_it()
    {
        Query("  - limit");
        File.Delete(_root.Combine("partials", "parameters.yaml"));
        Directory.CreateDirectory(_root.Combine("partials", "parameters.yaml"));

        Assert.StartsWith($"{_root.Combine("partials", "parameters.yaml")}: the shared parameter file", LoadFails().Message);
    }

    [Fact]
    public void A_catalog_without_the_shared_file_says_which_file_it_looked_for()
    {
        var query = Query("  - limit");
        Directory.Delete(_root.Combine("partials"), recursive: true);

        var error = LoadFails();

        Assert.StartsWith($"{query}:6: 'limit' is not a shared parameter (the catalog's {_root.Combine("partials", "parameters.yaml")} is absent or empty)", error.Message);
    }

    [Fact]
    public void A_query_parsed_outside_a_catalog_has_no_shared_names_and_says_so()
    {
        var error = Assert.Throws<QueryDefinitionException>(() =>
            QueryText.Parse(QueryText.File(QueryText.MinimalFrontMatter(extra: "parameters:\n  - limit"), "SELECT 1")));

        Assert.Contains("'limit' is not a shared parameter (shared definitions come from a catalog", error.Message);
    }

    [Fact]
    public void The_shipped_catalog_resolves_every_shared_name_to_the_shared_definition()
    {
        var catalog = RepositoryRoot.Catalog;
        var ports = catalog.All.SelectMany(q => q.Parameters).Where(p => p.Name == "dstport").ToList();
        var bytes = catalog.All.SelectMany(q => q.Output).Where(c => c.Name == "bytes").Select(c => c.Description).ToList();

        Assert.True(ports.Count >= 5, $"dstport is shared by {ports.Count} queries");
        Assert.All(ports, p => Assert.Equal("Only these destination ports, e.g. 22,3389 (all ports when omitted).", p.Description));
        Assert.Contains("Bytes in the window.", bytes);
        Assert.All(catalog.All.SelectMany(q => q.Parameters), p => Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Name));
    }
}
