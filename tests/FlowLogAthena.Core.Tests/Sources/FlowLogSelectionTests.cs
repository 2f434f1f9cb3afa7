using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Tables;
using FlowLogAthena.Core.Tests.Queries;

namespace FlowLogAthena.Core.Tests.Sources;

/// <summary>
/// One flow log among several under a prefix: a job file names it (flow_log_id), the Athena rendering keeps only
/// its objects wherever it reads the table, the local rendering does not need to (its view holds only its files),
/// and a provisioned table records it.
/// </summary>
public sealed class FlowLogSelectionTests
{
    private const string Id = "fl-0123456789abcdef0";

    private static string Job(string idLine) => string.Join('\n',
        "name: one-flow-log", "engine: local", "source:", "  path: logs", "  " + idLine, "queries: [top-talkers]", "window:", "  relative: yesterday",
        "outputs: ['out/{query}.csv']");

    [Fact]
    public void A_job_file_names_its_flow_log_under_source()
    {
        var job = JobFileParser.Parse("job.yaml", Job($"flow_log_id: {Id}"));

        Assert.Equal(Id, job.Source.FlowLogId);
        Assert.Null(JobFileParser.Parse("job.yaml", Job("layout: default")).Source.FlowLogId);
    }

    [Fact]
    public void A_malformed_flow_log_id_in_a_job_file_names_its_line()
    {
        var error = Assert.Throws<JobDefinitionException>(() => JobFileParser.Parse("job.yaml", Job("flow_log_id: fl_0123")));

        Assert.StartsWith("job.yaml:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("source flow_log_id 'fl_0123' is not a flow log id", error.Message, StringComparison.Ordinal);
    }

    private static string Render(SqlDialect dialect, string query, string? flowLogId) =>
        QueryRenderer.Render(RepositoryRoot.Catalog.Get(query),
            RepoQueries.Request(dialect, new Dictionary<string, string>(), format: FlowLogFormat.AllVpcFields) with { FlowLogId = flowLogId }).Sql;

    [Theory]
    [InlineData("top-talkers", 1)]
    [InlineData("one-way-flows", 1)]
    [InlineData("nat-gateway-cost", 2)]
    public void The_athena_rendering_keeps_the_flow_logs_objects_wherever_it_reads_the_table(string query, int reads)
    {
        var sql = Render(SqlDialect.Athena, query, Id);

        Assert.Equal(reads, CountOf(sql, "strpos(\"$path\", '_fl-0123456789abcdef0_') > 0"));
        Assert.Equal(reads, CountOf(sql, "FROM \"flowlogs\".\"vpc_flow_logs\""));
        Assert.DoesNotContain("$path", Render(SqlDialect.Athena, query, null), StringComparison.Ordinal);
        Assert.DoesNotContain("$path", Render(SqlDialect.DuckDb, query, Id), StringComparison.Ordinal);
    }

    [Fact]
    public void The_selection_comes_from_the_source()
    {
        var source = new FlowLogSource("s3://b/p", FlowLogFormat.Default, SourceLayout.DefaultLayout, Id);

        Assert.Equal(Id, RenderRequest.For(source, SqlDialect.Athena, "t", RepoQueries.OneDay).FlowLogId);
    }

    [Fact]
    public void A_table_provisioned_for_one_flow_log_records_it_and_a_shared_one_does_not()
    {
        var options = new TableOptions { Database = "db", Table = "t", StartDate = new DateOnly(2026, 11, 1), Accounts = ["012345678901"], Regions = ["us-east-1"] };
        var one = TableDefinition.For(new FlowLogSource("s3://b/p", FlowLogFormat.Default, SourceLayout.DefaultLayout, Id), options);
        var all = TableDefinition.For(new FlowLogSource("s3://b/p", FlowLogFormat.Default, SourceLayout.DefaultLayout), options);

        Assert.Equal(Id, one.Properties[TableProperties.FlowLogId]);
        Assert.False(all.Properties.ContainsKey(TableProperties.FlowLogId));
        Assert.True(TableProperties.IsManaged(TableProperties.FlowLogId));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
