using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>The <c>decimal</c> and <c>mapping</c> parameter types and the helpers the capacity and cost packs add.</summary>
public sealed class CostParameterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", "cost-parameters", Guid.NewGuid().ToString("N"));

    public CostParameterTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly QueryParameterDefinition Price = new() { Name = "internet_egress_usd_per_gb", Type = QueryParameterType.Decimal, Min = 0, Max = 1000 };

    private static readonly QueryParameterDefinition Map = new() { Name = "cost_center_map", Type = QueryParameterType.Mapping, Columns = ["resource_id", "cost_center"] };

    private string Csv(params string[] lines)
    {
        var path = Path.Combine(_folder, $"map-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Render(string id, SqlDialect dialect, Dictionary<string, string> parameters, TimeWindow? window = null) =>
        QueryRenderer.Render(RepositoryRoot.Catalog.Get(id), RepoQueries.Request(dialect, parameters, window: window, format: FlowLogFormat.AllVpcFields)).Sql;

    [Theory]
    [InlineData("0.09", "0.09")]
    [InlineData(" 0.045000 ", "0.045")]
    [InlineData("12", "12")]
    [InlineData("0", "0")]
    [InlineData("999.999999", "999.999999")]
    public void A_price_parses_to_its_exact_decimal(string raw, string canonical)
    {
        var value = Assert.IsType<DecimalValue>(ParameterParser.Parse(Price, raw));

        Assert.Equal(canonical, value.Canonical);
        Assert.Equal(decimal.Parse(canonical, System.Globalization.CultureInfo.InvariantCulture), value.Value);
    }

    [Theory]
    [InlineData("-0.01", "below the minimum 0")]
    [InlineData("abc", "is not a decimal number")]
    [InlineData("1e3", "is not a decimal number")]
    [InlineData("0,09", "is not a decimal number")]
    [InlineData("$0.09", "is not a decimal number")]
    [InlineData("0.09; DROP TABLE x", "is not a decimal number")]
    [InlineData("0.0000001", "more than 6 decimal places")]
    [InlineData("1000.01", "above the maximum 1000")]
    [InlineData("1234567890123", "more than 12 digits before the point")]
    public void A_bad_price_is_refused_naming_the_parameter(string raw, string reason)
    {
        var error = Assert.Throws<QueryParameterException>(() => ParameterParser.Parse(Price, raw));

        Assert.Equal("internet_egress_usd_per_gb", error.Parameter);
        Assert.Contains("Parameter 'internet_egress_usd_per_gb'", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("a decimal number from 0 to 1000", error.Message);
    }

    [Fact]
    public void A_bad_price_given_to_a_cost_query_is_refused_before_any_sql()
    {
        var error = Assert.Throws<QueryParameterException>(() => Render("cross-az-cost", SqlDialect.DuckDb, new() { ["cross_az_usd_per_gb"] = "-1" }));

        Assert.Equal("cross_az_usd_per_gb", error.Parameter);
        Assert.Contains("below the minimum 0", error.Message);
    }

    [Fact]
    public void A_price_renders_as_the_same_exact_decimal_on_both_engines_inline_in_the_select_list()
    {
        var duck = Render("cross-az-cost", SqlDialect.DuckDb, new() { ["cross_az_usd_per_gb"] = "0.0045" });
        var athena = QueryRenderer.Render(RepositoryRoot.Catalog.Get("cross-az-cost"),
            RepoQueries.Request(SqlDialect.Athena, new Dictionary<string, string> { ["cross_az_usd_per_gb"] = "0.0045" }, format: FlowLogFormat.AllVpcFields));

        Assert.Contains("CAST('0.0045' AS DECIMAL(18, 6)) AS \"usd_per_gb\"", duck);
        // A select-list value: AWS takes execution parameters only in WHERE, so the validated literal is inline.
        Assert.Contains("CAST('0.0045' AS DECIMAL(18, 6)) AS \"usd_per_gb\"", athena.Sql);
        Assert.DoesNotContain("'0.0045'", athena.ExecutionParameters ?? []);
    }

    [Fact]
    public void A_mapping_reads_its_declared_columns_in_order_ignoring_others_blank_lines_and_a_bom()
    {
        var path = Csv("\uFEFFowner, Cost_Center ,resource_id", "alice,team-a,i-1", "", "bob,\"team \"\"b\"\", ops\",subnet-2");

        var value = Assert.IsType<MappingValue>(ParameterParser.Parse(Map, path));

        Assert.Equal(path, value.Canonical);
        Assert.Equal(["resource_id", "cost_center"], value.Columns);
        Assert.Equal([["i-1", "team-a"], ["subnet-2", "team \"b\", ops"]], value.Rows.Select(r => r.ToArray()));
    }

    [Theory]
    [InlineData(new[] { "resource_id,team", "i-1,a" }, ":1: the header lacks column 'cost_center' (it has 'resource_id', 'team'; needed: resource_id, cost_center)")]
    [InlineData(new[] { "resource_id,cost_center", "i-1,a", "i-2,b", "i-1,c" }, ":4: resource_id 'i-1' appears again (first on line 2)")]
    [InlineData(new[] { "resource_id,cost_center", "i-1,a,extra" }, ":2: has 3 fields, but the header has 2")]
    [InlineData(new[] { "resource_id,cost_center", "i-1," }, ":2: cost_center '' is empty")]
    [InlineData(new[] { "resource_id,cost_center", "i-1,\"team" }, ":2: has a quoted field without its closing quote")]
    [InlineData(new[] { "resource_id,cost_center", "i-1,te\"am" }, ":2: has a quote inside an unquoted field")]
    [InlineData(new[] { "resource_id,cost_center", "i-1,a'); DROP TABLE x --" }, ":2: cost_center 'a'); DROP TABLE x --' contains ';'")]
    [InlineData(new[] { "resource_id,cost_center,resource_id", "i-1,a,b" }, ":1: the header has column 'resource_id' 2 times")]
    [InlineData(new[] { "resource_id,cost_center" }, ":1: has the header but no rows")]
    [InlineData(new string[0], ": is empty; its first line must be the header resource_id,cost_center")]
    public void A_bad_mapping_is_refused_naming_the_parameter_the_file_and_the_line(string[] lines, string problem)
    {
        var path = Csv(lines);

        var error = Assert.Throws<QueryParameterException>(() => ParameterParser.Parse(Map, path));

        Assert.Equal("cost_center_map", error.Parameter);
        Assert.StartsWith("Parameter 'cost_center_map' = ", error.Message);
        Assert.Contains($"is refused: {path}{problem}", error.Message);
    }

    [Fact]
    public void A_mapping_that_names_no_file_says_where_it_looked()
    {
        var path = Path.Combine(_folder, "missing.csv");

        var error = Assert.Throws<QueryParameterException>(() => ParameterParser.Parse(Map, path));

        Assert.Contains($"names no file (looked for {path})", error.Message);
        Assert.Contains("expected the path of a CSV file with the header columns resource_id, cost_center", error.Message);
    }

    [Theory]
    [InlineData(SqlDialect.DuckDb)]
    [InlineData(SqlDialect.Athena)]
    public void A_mapping_renders_inline_with_every_value_a_quoted_literal(SqlDialect dialect)
    {
        var path = Csv("resource_id,cost_center", "i-1,O'Brien", "subnet-2,\"a'), ('x', 'y\"", "vpc-3,back\\slash");

        var sql = Render("egress-cost", dialect, new() { ["cost_center_map"] = path });

        Assert.Contains(
            "FROM (VALUES ('i-1', 'O''Brien'), ('subnet-2', 'a''), (''x'', ''y'), ('vpc-3', 'back\\slash')) AS \"m\"(\"resource_id\", \"cost_center\")",
            sql);
        Assert.Contains("LEFT JOIN cost_centers AS mi ON mi.\"resource_id\" = g.\"instance_id\"", sql);
    }

    [Fact]
    public void Without_a_mapping_the_cost_query_has_no_mapping_table()
    {
        var sql = Render("egress-cost", SqlDialect.DuckDb, []);

        Assert.DoesNotContain("VALUES ('", sql);
        Assert.Contains("CAST(NULL AS VARCHAR) AS \"map_instance\"", sql);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-03", 24)]
    [InlineData("2026-11-02T05:30:00Z", "2026-11-02T07:00:00Z", 2)]
    [InlineData("2026-11-02T05:30:00Z", "2026-11-02T07:00:01Z", 3)]
    [InlineData("2026-11-02T13:00:00Z", "2026-11-02T14:00:00Z", 1)]
    public void Window_hours_counts_the_utc_clock_hours_the_window_overlaps(string from, string to, int hours)
    {
        var sql = Render("capacity-peaks", SqlDialect.DuckDb, [], TimeWindow.Parse(from, to));

        Assert.Contains($"CAST({hours} AS BIGINT) AS \"window_hours\"", sql);
        Assert.Contains($"100 * ({hours} - MAX(\"active_hours\")) >= 95 * {hours}", sql);
    }

    [Fact]
    public void Param_on_a_mapping_is_a_template_error_that_points_to_mapping_table()
    {
        var query = QueryText.WithBody("SELECT {{ param 'map' }}", """
            parameters:
              - name: map
                type: mapping
                columns: [resource_id, cost_center]
            """);
        var error = Assert.Throws<QueryDefinitionException>(() => QueryRenderer.Render(query, RepoQueries.Request(SqlDialect.DuckDb)));

        Assert.Contains("use mapping_table 'map' 'alias'", error.Message);
    }

    [Theory]
    [InlineData("type: mapping", "needs 'columns' (the CSV header, key column first)")]
    [InlineData("type: string\n    columns: [a]", "'columns' of parameter 'map' applies only to type mapping")]
    [InlineData("type: mapping\n    columns: [a, A]", "Column 'A' of parameter 'map' must be lower case")]
    [InlineData("type: mapping\n    columns: [a]\n    default: x.csv", "cannot have a default")]
    [InlineData("type: list\n    item_type: mapping", "cannot be mapping")]
    [InlineData("type: string\n    min: 0", "apply only to int and decimal values")]
    public void Mapping_and_decimal_declarations_are_checked_when_the_file_loads(string declaration, string message)
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.WithBody("SELECT 1", $"""
            parameters:
              - name: map
                {declaration}
            """));

        Assert.Contains(message, error.Message);
    }
}
