using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

public sealed class QueryRendererTests
{
    public static TheoryData<string, SqlDialect> EveryQueryAndDialect()
    {
        var data = new TheoryData<string, SqlDialect>();
        foreach (var query in RepositoryRoot.Catalog.All)
        {
            data.Add(query.Id, SqlDialect.Athena);
            data.Add(query.Id, SqlDialect.DuckDb);
        }
        return data;
    }

    /// <summary>Every field, so queries that need v5–v11 fields render too (missing fields have their own tests).</summary>
    private static readonly FlowLogFormat EveryField =
        FlowLogFormat.AllVpcFields;

    private static RenderedQuery Render(string id, SqlDialect dialect, IReadOnlyDictionary<string, string>? parameters = null,
        Partitioning partitioning = Partitioning.Daily) =>
        QueryRenderer.Render(RepositoryRoot.Catalog.Get(id), RepoQueries.Request(dialect, WithRequired(id, parameters), partitioning,
            format: FlowLogFormat.AllFieldsOf(RepositoryRoot.Catalog.Get(id).Kind)));

    /// <summary>The given parameters plus an example address for a required <c>ip</c> or <c>cidr</c> parameter the caller left out.</summary>
    private static Dictionary<string, string> WithRequired(string id, IReadOnlyDictionary<string, string>? parameters)
    {
        var all = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>());
        foreach (var parameter in RepositoryRoot.Catalog.Get(id).Parameters.Where(p => p.Required && p.Default is null))
            all.TryAdd(parameter.Name, (parameter.Type, parameter.ItemType) switch
            {
                (QueryParameterType.Ip or QueryParameterType.Cidr, _) => "10.0.0.1",
                (QueryParameterType.List, QueryParameterType.Cidr) => "192.0.2.0/24,2001:db8::/32",
                _ => throw new NotSupportedException($"{id}: no example value for the required {parameter.Type} parameter '{parameter.Name}'."),
            });
        return all;
    }

    private static Dictionary<string, string> Params(string name, string value) => new() { [name] = value };

    [Theory]
    [MemberData(nameof(EveryQueryAndDialect))]
    public void Every_query_renders_with_default_parameters(string id, SqlDialect dialect)
    {
        var rendered = Render(id, dialect);

        Assert.Equal(id, rendered.QueryId);
        Assert.Equal(dialect, rendered.Dialect);
        Assert.Equal(RepoQueries.OneDay, rendered.Window);
        Assert.Contains("FROM \"flowlogs\".\"vpc_flow_logs\"", rendered.Sql);
        Assert.Contains("\"start\" >= 1793577600 AND \"start\" < 1793664000", rendered.Sql);
        // A query that reads log-status tells OK records apart (silent-interfaces counts every record and reads none).
        var query = RepositoryRoot.Catalog.Get(id);
        if (query.RequiresFields.Contains("log-status") || query.OptionalFields.Contains("log-status"))
            Assert.Contains("\"log_status\" = 'OK'", rendered.Sql);
        Assert.DoesNotContain("{{", rendered.Sql);
        Assert.DoesNotContain(";", rendered.Sql);
        Assert.Equal(rendered.Sql.Trim(), rendered.Sql);
    }

    [Theory]
    [MemberData(nameof(EveryQueryAndDialect))]
    public void Athena_sql_prunes_partitions_and_duckdb_sql_does_not(string id, SqlDialect dialect)
    {
        var sql = Render(id, dialect).Sql;

        if (dialect == SqlDialect.Athena)
            Assert.Contains("(\"day\" = '2026/11/02' AND \"start\" >= 1793577600", sql);
        else
            Assert.DoesNotContain("\"day\"", sql);
    }

    [Theory]
    [MemberData(nameof(EveryQueryAndDialect))]
    public void Every_query_selects_its_declared_output_columns_first_and_in_order(string id, SqlDialect dialect)
    {
        var query = RepositoryRoot.Catalog.Get(id);
        var sql = Render(id, dialect).Sql;
        var finalSelect = sql[sql.LastIndexOf("SELECT", StringComparison.Ordinal)..sql.LastIndexOf("FROM", StringComparison.Ordinal)];

        var positions = query.Output.Select(c => finalSelect.IndexOf($"\"{c.Name}\"", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData("top-talkers")]
    [InlineData("rejected-traffic")]
    public void Limit_defaults_to_10_and_takes_the_given_value(string id)
    {
        Assert.EndsWith("\nLIMIT 10", Render(id, SqlDialect.DuckDb).Sql);
        var rendered = Render(id, SqlDialect.DuckDb, Params("limit", "250"));
        Assert.EndsWith("\nLIMIT 250", rendered.Sql);
        Assert.Equal("250", rendered.Parameters["limit"]);
    }

    [Fact]
    public void Athena_binds_where_values_as_execution_parameters_in_placeholder_order_and_inlines_the_limit()
    {
        var rendered = Render("rejected-traffic", SqlDialect.Athena, new Dictionary<string, string> { ["limit"] = "250", ["dstport"] = "22,3389" });

        // AWS accepts execution parameters only in WHERE clauses: LIMIT gets the validated literal.
        Assert.EndsWith("\nLIMIT 250", rendered.Sql);
        Assert.Contains("\"dstport\" IN (?, ?)", rendered.Sql);
        Assert.Equal(["22", "3389"], rendered.ExecutionParameters);
        Assert.Empty(Render("rejected-traffic", SqlDialect.DuckDb).ExecutionParameters!);
    }

    [Fact]
    public void Rendered_parameters_hold_canonical_values_including_defaults()
    {
        Assert.Equal(new Dictionary<string, string> { ["limit"] = "10" }, Render("top-talkers", SqlDialect.Athena).Parameters);
        Assert.Empty(Render("traffic-path", SqlDialect.Athena).Parameters);
    }

    [Theory]
    [InlineData(SqlDialect.Athena)]
    [InlineData(SqlDialect.DuckDb)]
    public void Top_talkers_sums_as_bigint_and_orders_deterministically(SqlDialect dialect)
    {
        var sql = Render("top-talkers", dialect).Sql;

        Assert.Contains("CAST(COALESCE(SUM(\"bytes\"), 0) AS BIGINT) AS \"bytes\"", sql);
        Assert.Contains("CAST(COALESCE(SUM(\"packets\"), 0) AS BIGINT) AS \"packets\"", sql);
        Assert.Contains("COUNT(*) AS \"flows\"", sql);
        Assert.Contains("GROUP BY \"srcaddr\", \"dstaddr\"", sql);
        Assert.Contains("ORDER BY \"bytes\" DESC, \"packets\" DESC, \"srcaddr\" NULLS LAST, \"dstaddr\" NULLS LAST", sql);
        Assert.DoesNotContain("\"action\"", sql);
    }

    [Fact]
    public void Rejected_traffic_counts_reject_records_per_source_destination_and_port()
    {
        var sql = Render("rejected-traffic", SqlDialect.DuckDb).Sql;

        Assert.Contains("\"action\" = 'REJECT'", sql);
        Assert.Contains("COUNT(*) AS \"attempts\"", sql);
        Assert.Contains("GROUP BY \"srcaddr\", \"dstaddr\", \"dstport\"", sql);
        Assert.Contains("ORDER BY \"attempts\" DESC, \"srcaddr\" NULLS LAST, \"dstaddr\" NULLS LAST, \"dstport\" NULLS LAST", sql);
    }

    [Fact]
    public void Traffic_path_groups_by_direction_and_code_with_catalog_labels()
    {
        var sql = Render("traffic-path", SqlDialect.Athena).Sql;

        Assert.Contains("GROUP BY \"flow_direction\", \"traffic_path\"", sql);
        Assert.Contains("CASE WHEN \"traffic_path\" IS NULL THEN 'none'", sql);
        Assert.Contains("WHEN \"traffic_path\" = 8 THEN 'internet gateway (Nitro)'", sql);
        Assert.Contains("SUM(\"bytes\") OVER (PARTITION BY \"flow_direction\")", sql);
        Assert.Contains("ORDER BY \"flow_direction\" NULLS LAST, \"bytes\" DESC", sql);
    }

    [Fact]
    public void Hourly_partitioning_shapes_the_athena_predicate()
    {
        var window = TimeWindow.Parse("2026-11-02T05:00:00Z", "2026-11-02T07:00:00Z");
        var request = RepoQueries.Request(SqlDialect.Athena, partitioning: Partitioning.Hourly, window: window);

        var sql = QueryRenderer.Render(RepositoryRoot.Catalog.Get("top-talkers"), request).Sql;

        Assert.Contains("(\"day\" = '2026/11/02' AND \"hour\" BETWEEN '05' AND '06' AND \"start\" >= 1793595600 AND \"start\" < 1793602800)", sql);
    }

    [Theory]
    [InlineData("1; DROP TABLE x", "not an integer")]
    [InlineData("10 OR 1=1", "not an integer")]
    [InlineData("abc", "not an integer")]
    [InlineData("0", "below the minimum 1")]
    [InlineData("100001", "above the maximum 100000")]
    public void Bad_limit_is_refused_naming_the_parameter(string limit, string reason)
    {
        var error = Assert.Throws<QueryParameterException>(() => Render("top-talkers", SqlDialect.Athena, Params("limit", limit)));

        Assert.Equal("limit", error.Parameter);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Unknown_parameter_is_refused_with_a_suggestion()
    {
        var error = Assert.Throws<QueryParameterException>(() => Render("top-talkers", SqlDialect.DuckDb, Params("limits", "5")));

        Assert.Equal("limits", error.Parameter);
        Assert.Contains("Did you mean 'limit'?", error.Message);
    }

    [Fact]
    public void Missing_field_names_the_query_the_field_its_version_and_the_fix()
    {
        var error = Assert.Throws<FormatMismatchException>(() =>
            QueryRenderer.Render(RepositoryRoot.Catalog.Get("traffic-path"),
                RepoQueries.Request(SqlDialect.Athena, format: FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString + " ${flow-direction}"))));

        Assert.Equal(
            "Query 'traffic-path' needs field 'traffic-path' (v5), which the log format lacks. Flow logs cannot be edited: "
            + "create a new flow log whose --log-format includes ${traffic-path} and point --format at it.",
            error.Message);
    }

    [Fact]
    public void Several_missing_fields_are_all_named()
    {
        var error = Assert.Throws<FormatMismatchException>(() =>
            QueryRenderer.Render(RepositoryRoot.Catalog.Get("traffic-path"), RepoQueries.Request(SqlDialect.DuckDb, format: FlowLogFormat.Default)));

        Assert.Contains("needs fields 'flow-direction' (v5) and 'traffic-path' (v5)", error.Message);
        Assert.Contains("includes ${flow-direction} ${traffic-path}", error.Message);
    }

    [Fact]
    public void Table_reference_must_be_quoted_identifiers()
    {
        var request = RepoQueries.Request(SqlDialect.DuckDb) with { TableReference = "flows; DROP TABLE x" };

        Assert.Throws<ArgumentException>(() => QueryRenderer.Render(RepositoryRoot.Catalog.Get("top-talkers"), request));
    }

    [Fact]
    public void RenderRequest_for_a_source_takes_its_format_and_partitioning()
    {
        var source = new FlowLogSource("/data", RepoQueries.FormatWithV5, new SourceLayout(Partitioning: Partitioning.Hourly));

        var request = RenderRequest.For(source, SqlDialect.Athena, "\"t\"", RepoQueries.OneDay);

        Assert.Same(RepoQueries.FormatWithV5, request.Format);
        Assert.Equal(Partitioning.Hourly, request.Partitioning);
        Assert.Empty(request.Parameters);
    }

    [Theory]
    [InlineData(SqlDialect.DuckDb)]
    [InlineData(SqlDialect.Athena)]
    public void Optional_log_status_is_used_when_the_format_has_it_and_replaced_by_data_presence_otherwise(SqlDialect dialect)
    {
        var query = RepositoryRoot.Catalog.Get("top-talkers");
        var without = RepoQueries.Request(dialect, null, Partitioning.Daily) with { Format = FlowLogFormat.Parse("${srcaddr} ${dstaddr} ${bytes} ${packets} ${start}") };

        Assert.Contains("\"log_status\" = 'OK'", Render("top-talkers", dialect).Sql);
        var sql = QueryRenderer.Render(query, without).Sql;
        Assert.DoesNotContain("log_status", sql);
        Assert.Contains("\"bytes\" IS NOT NULL", sql);
    }
}
