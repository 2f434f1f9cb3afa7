using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

public sealed class QueryFileParserTests
{
    private static readonly string Sample = QueryText.PathOf();

    [Fact]
    public void Front_matter_fields_are_read()
    {
        var query = QueryText.Parse(QueryText.File(QueryText.MinimalFrontMatter(extra: """
            parameters:
              - name: ports
                type: list
                item_type: port
                description: Ports to keep.
                default: [22, 3389]
              - name: action
                type: enum
                values: [ACCEPT, REJECT]
                required: true
            chart:
              type: bar
              x: srcaddr
              y: [srcaddr]
            """), "SELECT 1"));

        Assert.Equal("sample", query.Id);
        Assert.Equal("test", query.Pack);
        Assert.Equal("Sample", query.Title);
        Assert.Equal(["srcaddr", "start", "log-status", "end"], query.RequiresFields);
        var ports = query.FindParameter("ports")!;
        Assert.Equal(QueryParameterType.List, ports.Type);
        Assert.Equal(QueryParameterType.Port, ports.ItemType);
        Assert.Equal("22,3389", ports.Default?.Canonical);
        Assert.True(query.FindParameter("action")!.Required);
        Assert.Equal("bar", query.Chart?.Type);
        Assert.Equal(["srcaddr"], query.Chart?.X);
    }

    [Fact]
    public void Body_start_line_is_the_line_after_the_closing_fence()
    {
        var query = QueryText.Parse("---\nid: sample\ntitle: T\ndescription: D\noutput:\n  - name: a\n---\nSELECT 1\n");

        Assert.Equal(8, query.BodyStartLine);
        Assert.Equal("SELECT 1\n", query.Body);
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        var text = "---\nid: sample\ntitle: T\ndescription: D: E\noutput:\n  - name: a\n---\nSELECT 1";

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:4:", error.Message);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void File_without_opening_fence_names_line_1()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse("SELECT 1"));

        Assert.StartsWith($"{Sample}:1:", error.Message);
        Assert.Contains("'---'", error.Message);
    }

    [Fact]
    public void Front_matter_without_closing_fence_is_refused()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse("---\nid: sample\nSELECT 1"));

        Assert.StartsWith($"{Sample}:1:", error.Message);
        Assert.Contains("no closing '---'", error.Message);
    }

    [Fact]
    public void Id_must_equal_the_file_name()
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter("other"), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text, id: "sample"));

        Assert.StartsWith($"{Sample}:2:", error.Message);
        Assert.Contains("'other'", error.Message);
        Assert.Contains("'sample'", error.Message);
    }

    [Fact]
    public void Unknown_parameter_type_names_the_line_and_suggests_the_nearest()
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter(extra: "parameters:\n  - name: limit\n    type: integer\n"), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:10:", error.Message);
        Assert.Contains("Unknown parameter type 'integer'", error.Message);
        Assert.Contains("Did you mean 'int'?", error.Message);
    }

    [Fact]
    public void Unknown_field_in_requires_fields_names_the_line_and_the_misconception()
    {
        var text = "---\nid: sample\ntitle: T\ndescription: D\nrequires_fields:\n  - srcaddr\n  - drop-cause\noutput:\n  - name: a\n---\nSELECT 1";

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:7:", error.Message);
        Assert.Contains("'drop-cause'", error.Message);
        Assert.Contains("reject-reason", error.Message);
    }

    [Fact]
    public void Unknown_front_matter_key_suggests_the_nearest()
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter(extra: "require_fields: [srcaddr]"), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:8:", error.Message);
        Assert.Contains("Did you mean 'requires_fields'?", error.Message);
    }

    [Fact]
    public void Invalid_default_names_its_line_and_the_parameter()
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter(extra: "parameters:\n  - name: limit\n    type: int\n    max: 5\n    default: 10\n"), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:12:", error.Message);
        Assert.Contains("default of parameter 'limit'", error.Message);
        Assert.Contains("above the maximum 5", error.Message);
    }

    [Theory]
    [InlineData("parameters:\n  - name: kind\n    type: enum\n", "needs 'values'")]
    [InlineData("parameters:\n  - name: ports\n    type: list\n", "needs an 'item_type'")]
    [InlineData("parameters:\n  - name: ports\n    type: list\n    item_type: list\n", "lists do not nest")]
    [InlineData("parameters:\n  - name: limit\n    type: int\n    min: 5\n    max: 1\n", "is above its 'max'")]
    [InlineData("parameters:\n  - name: name\n    type: string\n    min: 1\n", "apply only to int")]
    [InlineData("parameters:\n  - name: Limit\n    type: int\n", "must be lower case")]
    [InlineData("parameters:\n  - name: a\n    type: int\n  - name: a\n    type: int\n", "declared twice")]
    [InlineData("parameters:\n  - name: a\n    type: int\n    required: true\n    default: 1\n", "cannot have a default")]
    [InlineData("parameters:\n  - name: kind\n    type: enum\n    values: [\"it's\"]\n", "contains a quote")]
    [InlineData("chart:\n  type: bar\n  x: nope\n  y: srcaddr\n", "is not an output column")]
    [InlineData("chart:\n  type: donut\n  x: srcaddr\n  y: srcaddr\n", "Chart type 'donut'")]
    public void Bad_definitions_are_refused_with_the_file_name(string extra, string expected)
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter(extra: extra), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Missing_output_is_refused()
    {
        var error = Assert.Throws<QueryDefinitionException>(() =>
            QueryText.Parse("---\nid: sample\ntitle: T\ndescription: D\n---\nSELECT 1"));

        Assert.Contains("no 'output'", error.Message);
    }

    [Fact]
    public void Template_syntax_error_names_the_file_line()
    {
        // Front matter and fences take lines 1-8; the body starts at line 9.
        var text = QueryText.File(QueryText.MinimalFrontMatter(), "SELECT 1\nFROM {{ if }}\n");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.StartsWith($"{Sample}:10:", error.Message);
        Assert.Contains("template error", error.Message);
    }
}
