namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>Athena's rendering binds '?' only in WHERE clauses and inlines the validated literal everywhere else.</summary>
public sealed class ExecutionParameterPlacementTests
{
    private const string Parameters = """
        parameters:
          - name: limit
            type: int
            default: 10
          - name: port
            type: port
            default: 22
          - name: rate
            type: decimal
            default: 0.09
        """;

    private static RenderedQuery Render(string body, Dictionary<string, string> parameters) =>
        QueryRenderer.Render(QueryText.WithBody(body, Parameters), new RenderRequest
        {
            Dialect = SqlDialect.Athena,
            TableReference = "\"db\".\"t\"",
            Window = RepoQueries.OneDay,
            Format = Core.Formats.FlowLogFormat.Default,
            Parameters = parameters,
        });

    [Fact]
    public void A_limit_and_a_select_list_value_become_literals_while_where_values_stay_bound()
    {
        var query = Render("SELECT {{ param 'rate' }} * \"bytes\" AS cost FROM {{ table }} WHERE \"dstport\" = {{ param 'port' }} LIMIT {{ param 'limit' }}", []);

        Assert.Equal("SELECT CAST('0.09' AS DECIMAL(18, 6)) * \"bytes\" AS cost FROM \"db\".\"t\" WHERE \"dstport\" = ? LIMIT 10", query.Sql);
        Assert.Equal(["22"], query.ExecutionParameters);
    }

    [Fact]
    public void Subqueries_keep_their_where_parameters_bound_and_having_and_filter_values_inline()
    {
        var query = Render("""
            SELECT count(*) FILTER (WHERE "dstport" = {{ param 'port' }}) AS n
            FROM (SELECT * FROM {{ table }} WHERE "dstport" IN ({{ param 'port' }}, 443)) AS s
            WHERE "bytes" > {{ param 'limit' }} AND "srcaddr" IN (SELECT "srcaddr" FROM {{ table }} WHERE "dstport" = {{ param 'port' }})
            GROUP BY "srcaddr" HAVING sum("bytes") > {{ param 'limit' }}
            """, new() { ["limit"] = "5" });

        Assert.Equal("""
            SELECT count(*) FILTER (WHERE "dstport" = 22) AS n
            FROM (SELECT * FROM "db"."t" WHERE "dstport" IN (?, 443)) AS s
            WHERE "bytes" > ? AND "srcaddr" IN (SELECT "srcaddr" FROM "db"."t" WHERE "dstport" = ?)
            GROUP BY "srcaddr" HAVING sum("bytes") > 5
            """, query.Sql);
        Assert.Equal(["22", "5", "22"], query.ExecutionParameters);
    }

    [Fact]
    public void Question_marks_in_strings_names_and_comments_are_not_placeholders()
    {
        var query = Render("SELECT 'why?' AS \"who?\" -- what?\nFROM {{ table }} WHERE \"dstport\" = {{ param 'port' }} /* ? */", []);

        Assert.Equal(["22"], query.ExecutionParameters);
        Assert.Contains("WHERE \"dstport\" = ? /* ? */", query.Sql);
    }

    [Fact]
    public void A_template_that_writes_its_own_question_mark_is_refused()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => Render("SELECT * FROM {{ table }} WHERE \"dstport\" = ?", []));

        Assert.Contains("must not write '?' itself", error.Message);
    }
}
