using FlowLogAthena.Core.Queries.Rendering;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// A query reads one kind of flow log (front matter <c>kind:</c>, VPC by default), and runs only on a format of
/// that kind: on the other it is skipped with a reason that names both kinds.
/// </summary>
public sealed class QueryKindTests
{
    private static QueryDefinition TransitGatewayQuery() => QueryText.Parse(QueryText.File("""
        id: sample
        title: Sample
        kind: transit-gateway
        description: A Transit Gateway query for tests.
        requires_fields: [tgw-attachment-id, bytes]
        output:
          - name: tgw_attachment_id
        """, "SELECT 1"));

    [Fact]
    public void A_query_reads_vpc_flow_logs_unless_it_declares_its_kind()
    {
        Assert.Equal(FlowLogKind.Vpc, QueryText.WithBody("SELECT 1").Kind);
        Assert.Equal(FlowLogKind.TransitGateway, TransitGatewayQuery().Kind);
        Assert.All(RepositoryRoot.Catalog.All, q => Assert.Equal(q.Pack == "transit" ? FlowLogKind.TransitGateway : FlowLogKind.Vpc, q.Kind));
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_file_line_and_the_two_names()
    {
        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.WithBody("SELECT 1", extra: "kind: tgw"));

        Assert.StartsWith($"{QueryText.PathOf()}:8:", error.Message);
        Assert.Contains("'kind' is 'tgw'; it must be vpc or transit-gateway", error.Message);
    }

    [Theory]
    [InlineData("requires_fields: [srcaddr, start, log-status, end, tgw-id]", "", "'tgw-id', which VPC flow logs do not have")]
    [InlineData("requires_fields: [srcaddr, start, log-status, end, action]", "kind: transit-gateway", "'action', which Transit Gateway flow logs do not have")]
    public void A_query_reading_a_field_its_kind_lacks_is_refused(string fields, string kind, string expected)
    {
        var text = QueryText.File($"""
            id: sample
            title: Sample
            description: D
            {kind}
            {fields}
            output:
              - name: srcaddr
            """, "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_vpc_query_on_a_transit_gateway_format_is_refused_naming_both_kinds()
    {
        var query = RepositoryRoot.Catalog.Get("top-talkers");

        var problem = FormatFitCheck.Problem(query, FlowLogFormat.TransitGatewayDefault);

        Assert.Equal("Query 'top-talkers' reads VPC flow logs, and the log format is a Transit Gateway flow log's.", problem);
        var error = Assert.ThrowsAny<FlowLogAthenaException>(() =>
            QueryRenderer.Render(query, RepoQueries.Request(SqlDialect.DuckDb, new Dictionary<string, string>(), format: FlowLogFormat.TransitGatewayDefault)));
        Assert.Equal(problem, error.Message);
        Assert.True(error.IsBadInput);
    }

    [Fact]
    public void A_transit_gateway_query_runs_on_a_transit_gateway_format_with_its_fields_and_not_on_a_vpc_one()
    {
        var query = TransitGatewayQuery();

        Assert.Null(FormatFitCheck.Problem(query, FlowLogFormat.TransitGatewayDefault));
        Assert.Contains("reads Transit Gateway flow logs, and the log format is a VPC flow log's", FormatFitCheck.Problem(query, FlowLogFormat.AllVpcFields));
        Assert.Contains("needs field 'tgw-attachment-id' (v6)", FormatFitCheck.Problem(query, FlowLogFormat.Parse("${srcaddr} ${bytes} ${tgw-id}")));
    }
}
