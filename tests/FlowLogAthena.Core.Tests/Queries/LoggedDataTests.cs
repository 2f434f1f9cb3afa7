namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// <c>logged_data</c>: the records that logged data, log-status OK when the format has log-status, else those with a
/// byte count; on both dialects, and only for a query that declares what it reads.
/// </summary>
public sealed class LoggedDataTests
{
    private static readonly FlowLogFormat WithoutLogStatus =
        FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString.Replace(" ${log-status}", "", StringComparison.Ordinal));

    private static string FrontMatter(string fields) => $"""
        id: sample
        title: Sample
        description: A query for tests.
        {fields}
        output:
          - name: flows
        """;

    private const string Optional = "requires_fields: [bytes, start]\noptional_fields: [log-status]";

    private static string Render(string fields, SqlDialect dialect, FlowLogFormat format) =>
        QueryRenderer.Render(
            QueryText.Parse(QueryText.File(FrontMatter(fields), "SELECT COUNT(*) FROM {{ table }}\nWHERE {{ logged_data }}")),
            RepoQueries.Request(dialect, format: format)).Sql;

    [Theory]
    [InlineData(SqlDialect.Athena)]
    [InlineData(SqlDialect.DuckDb)]
    public void With_log_status_in_the_format_it_keeps_the_ok_records(SqlDialect dialect)
    {
        Assert.Equal("SELECT COUNT(*) FROM \"flowlogs\".\"vpc_flow_logs\"\nWHERE \"log_status\" = 'OK'",
            Render(Optional, dialect, FlowLogFormat.Default));
    }

    [Theory]
    [InlineData(SqlDialect.Athena)]
    [InlineData(SqlDialect.DuckDb)]
    public void Without_log_status_in_the_format_it_keeps_the_records_with_a_byte_count(SqlDialect dialect)
    {
        Assert.False(WithoutLogStatus.Contains("log-status"));

        Assert.Equal("SELECT COUNT(*) FROM \"flowlogs\".\"vpc_flow_logs\"\nWHERE \"bytes\" IS NOT NULL",
            Render(Optional, dialect, WithoutLogStatus));
    }

    [Theory]
    [InlineData(SqlDialect.Athena)]
    [InlineData(SqlDialect.DuckDb)]
    public void A_query_that_requires_log_status_needs_no_bytes(SqlDialect dialect)
    {
        Assert.EndsWith("WHERE \"log_status\" = 'OK'", Render("requires_fields: [start, log-status]", dialect, FlowLogFormat.Default));
    }

    [Fact]
    public void A_query_that_does_not_declare_log_status_is_refused_at_the_line()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => Render("requires_fields: [bytes, start]", SqlDialect.DuckDb, FlowLogFormat.Default));

        Assert.StartsWith($"{QueryText.PathOf()}:10:", error.Message);
        Assert.Contains("logged_data reads field 'log-status', which neither requires_fields nor optional_fields lists", error.Message);
    }

    [Fact]
    public void An_optional_log_status_needs_bytes_in_requires_fields_whatever_the_format()
    {
        foreach (var format in new[] { FlowLogFormat.Default, WithoutLogStatus })
        {
            var error = Assert.Throws<QueryDefinitionException>(() =>
                Render("requires_fields: [start]\noptional_fields: [log-status, bytes]", SqlDialect.Athena, format));

            Assert.Contains("requires_fields must list 'bytes'", error.Message);
        }
    }
}
