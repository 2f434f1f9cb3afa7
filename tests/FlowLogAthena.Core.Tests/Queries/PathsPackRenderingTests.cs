namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// The paths pack renders for both dialects with and without its optional fields, and the Athena SQL of both
/// shapes parses as Trino SQL (AthenaGrammarTests covers the every-field shape only).
/// </summary>
public sealed class PathsPackRenderingTests
{
    private static readonly FlowLogFormat EveryField =
        FlowLogFormat.AllVpcFields;

    /// <summary>Every field the pack requires and none of its optional ones (log-status, resource-id, interface-type).</summary>
    private static readonly FlowLogFormat RequiredOnly = FlowLogFormat.Parse(string.Join(' ',
        RepositoryRoot.Catalog.InPack("paths").SelectMany(q => q.RequiresFields).Distinct().Select(f => "${" + f + "}")));

    private static string Render(string id, SqlDialect dialect, FlowLogFormat format) =>
        QueryRenderer.Render(RepositoryRoot.Catalog.Get(id), RepoQueries.Request(dialect, format: format)).Sql;

    [Fact]
    public void The_pack_holds_the_five_path_queries()
    {
        Assert.Equal(["aws-destinations", "aws-service-traffic", "gateway-endpoint-bypass", "next-hop-types", "traffic-path"],
            RepositoryRoot.Catalog.InPack("paths").Select(q => q.Id));
        // The narrow format lacks every optional field no other query of the pack requires (aws-destinations' pkt-dstaddr
        // is one others require; the golden renderings cover its absence).
        var requiredByOthers = (QueryDefinition q) => RepositoryRoot.Catalog.InPack("paths").Where(o => o != q).SelectMany(o => o.RequiresFields).ToHashSet();
        Assert.All(RepositoryRoot.Catalog.InPack("paths"), q => Assert.DoesNotContain(q.OptionalFields.Except(requiredByOthers(q)), RequiredOnly.Contains));
    }

    [Theory]
    [InlineData(SqlDialect.Athena)]
    [InlineData(SqlDialect.DuckDb)]
    public void Gateway_endpoint_bypass_reads_its_optional_fields_only_where_the_format_has_them(SqlDialect dialect)
    {
        var wide = Render("gateway-endpoint-bypass", dialect, EveryField);
        var narrow = Render("gateway-endpoint-bypass", dialect, RequiredOnly);

        Assert.Contains("COALESCE(\"interface_id\", \"resource_id\") AS \"resource\"", wide);
        Assert.Contains("\"interface_type\" NOT IN ('nat_gateway', 'regional_nat_gateway')", wide);
        Assert.Contains("\"log_status\" = 'OK'", wide);
        Assert.Contains("\"interface_id\" AS \"resource\"", narrow);
        Assert.Contains("\"bytes\" IS NOT NULL", narrow);
        foreach (var column in new[] { "resource_id", "interface_type", "log_status" }) Assert.DoesNotContain($"\"{column}\"", narrow);
    }

    [Fact]
    public void Next_hop_types_needs_the_v11_next_hop_fields()
    {
        var error = Assert.Throws<FormatMismatchException>(() => Render("next-hop-types", SqlDialect.DuckDb, RepoQueries.FormatWithV5));

        Assert.Contains("'next-hop-interface-type' (v11)", error.Message);
    }

    [Fact]
    public async Task Every_paths_query_with_and_without_its_optional_fields_parses_as_trino_sql()
    {
        var statements = RepositoryRoot.Catalog.InPack("paths")
            .SelectMany(q => new[] { (Shape: "every field", Format: EveryField), (Shape: "required only", Format: RequiredOnly) }
                .Select(f => new TrinoGrammarCheck.Statement($"{q.Id} {f.Shape}", Render(q.Id, SqlDialect.Athena, f.Format))))
            .ToList();
        foreach (var q in RepositoryRoot.Catalog.InPack("paths")) Render(q.Id, SqlDialect.DuckDb, RequiredOnly);

        var result = await TrinoGrammarCheck.RunAsync(statements);

        Assert.True(result.ExitCode == 0, $"Rendered Athena SQL that does not parse as Trino SQL:\n{result.Problems}");
        Assert.Contains($"{statements.Count} of {statements.Count} statements parse", result.Output);
    }
}
