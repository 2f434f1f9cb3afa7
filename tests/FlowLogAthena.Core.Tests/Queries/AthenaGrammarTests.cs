using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// Every query of the repository's packs, rendered for Athena, parses with a Trino grammar
/// (<see cref="TrinoGrammarCheck"/>): for both partitionings, several windows, defaults and other parameter values.
/// </summary>
public sealed class AthenaGrammarTests
{
    /// <summary>A whole day; a ragged window across three days (hourly partitions cut at both ends); one hour.</summary>
    private static readonly TimeWindow[] Windows =
    [
        RepoQueries.OneDay,
        TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-04T17:15:00Z"),
        TimeWindow.Parse("2026-11-02T13:00:00Z", "2026-11-02T14:00:00Z"),
    ];

    private static readonly Partitioning[] Partitionings = [Partitioning.Daily, Partitioning.Hourly];

    private sealed record RenderCase(QueryDefinition Query, Partitioning Partitioning, TimeWindow Window, Dictionary<string, string> Parameters, bool IpRanges = true)
    {
        public TrinoGrammarCheck.Statement Render() => Render(out _);

        public TrinoGrammarCheck.Statement Render(out IReadOnlyList<string> bound)
        {
            var rendered = QueryRenderer.Render(Query, new RenderRequest
            {
                Dialect = SqlDialect.Athena,
                TableReference = "\"flowlogs\".\"vpc_flow_logs\"",
                Window = Window,
                Format = FlowLogFormat.AllFieldsOf(Query.Kind), // every field of its kind: no query refused for a missing one
                Partitioning = Partitioning,
                Parameters = Parameters,
                References = IpRanges ? RepoQueries.WithReferences(SqlDialect.Athena) : ReferenceTables.None,
            });
            var sql = rendered.Sql;
            bound = rendered.ExecutionParameters ?? [];
            var parameters = Parameters.Count == 0 ? "defaults" : string.Join(' ', Parameters.Select(p => $"{p.Key}={p.Value}"));
            return new($"{Query.QualifiedId} {Partitioning.ToString().ToLowerInvariant()} {Window} {parameters}{(IpRanges ? "" : " without reference tables")}", sql,
                ParametersOnlyInWhere: true);
        }
    }

    /// <summary>Each query with default parameters in every window, then each other value of each parameter.</summary>
    private static List<RenderCase> Cases()
    {
        var cases = new List<RenderCase>();
        foreach (var query in RepositoryRoot.Catalog.All)
            foreach (var partitioning in Partitionings)
            {
                cases.AddRange(Windows.Select(window => new RenderCase(query, partitioning, window, RequiredOnly(query))));
                // A query that uses AWS's address ranges or the inventory when it has them also renders without.
                if (!query.RequiresIpRanges && (query.ExpandedBody.Contains("has_ip_ranges", StringComparison.Ordinal) || query.ExpandedBody.Contains("has_inventory", StringComparison.Ordinal)))
                    cases.Add(new RenderCase(query, partitioning, RepoQueries.OneDay, RequiredOnly(query), IpRanges: false));
                foreach (var parameter in query.Parameters)
                    cases.AddRange(SampleValues(parameter).Where(value => value != parameter.Default?.Canonical).Select(value =>
                        new RenderCase(query, partitioning, RepoQueries.OneDay, new(RequiredOnly(query)) { [parameter.Name] = value })));
            }
        return cases;
    }

    /// <summary>Values for the parameters a run must give (required, no default); the rest take their defaults.</summary>
    private static Dictionary<string, string> RequiredOnly(QueryDefinition query) =>
        query.Parameters.Where(p => p.Required && p.Default is null).ToDictionary(p => p.Name, p => SampleValues(p)[0]);

    /// <summary>Valid values of every kind a parameter of this type can take, bounds and IPv6 included.</summary>
    private static List<string> SampleValues(QueryParameterDefinition parameter) => parameter.Type == QueryParameterType.List
        ? [string.Join(',', Samples(parameter, parameter.ItemType!.Value)), Samples(parameter, parameter.ItemType!.Value)[^1]]
        : Samples(parameter, parameter.Type);

    private static List<string> Samples(QueryParameterDefinition p, QueryParameterType type) => type switch
    {
        QueryParameterType.Int => [$"{p.Min ?? -1}", $"{p.Max ?? 1_000_000}"],
        QueryParameterType.Port => ["443", "0", "65535"],
        QueryParameterType.Date => ["2026-11-02"],
        QueryParameterType.Timestamp => ["2026-11-02T13:00:00Z"],
        QueryParameterType.Ip => ["10.0.0.1", "2001:db8::1"],
        QueryParameterType.Cidr => ["10.0.0.0/8", "2001:db8::/32", "0.0.0.0/0"],
        QueryParameterType.Enum => [.. p.Values],
        QueryParameterType.String => ["web-01", "a b_c-d.e:f/g@h+i=j"],
        QueryParameterType.Decimal => ["0", "0.045", $"{p.Max ?? 1000}"],
        QueryParameterType.Mapping => [MappingSamples.File(p)],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No sample values for this parameter type."),
    };

    [Fact]
    public void The_checked_renderings_cover_every_query_both_partitionings_and_other_values_of_every_parameter()
    {
        var cases = Cases();

        foreach (var query in RepositoryRoot.Catalog.All)
        {
            Assert.Equal(Partitionings, cases.Where(c => c.Query == query).Select(c => c.Partitioning).Distinct());
            foreach (var parameter in query.Parameters)
                Assert.Contains(cases, c => c.Query == query
                    && c.Parameters.TryGetValue(parameter.Name, out var value) && value != parameter.Default?.Canonical);
        }
    }

    [Fact]
    public async Task Every_query_renders_to_sql_the_trino_grammar_accepts_with_execution_parameters_only_in_where()
    {
        var statements = Cases().Select(c => c.Render()).ToList();

        var result = await TrinoGrammarCheck.RunAsync(statements);

        Assert.True(result.ExitCode == 0, $"Rendered Athena SQL that does not parse as Trino SQL, or has '?' outside a WHERE clause:\n{result.Problems}");
        Assert.Contains($"{statements.Count} of {statements.Count} statements parse", result.Output);
    }

    [Fact]
    public void Every_rendered_variant_binds_as_many_values_as_it_has_placeholders_and_many_are_bound()
    {
        // Where each '?' sits is checked by the grammar test above, which walks every variant's parse tree.
        var bound = 0;
        foreach (var c in Cases())
        {
            var statement = c.Render(out var values);
            bound += values.Count;
            Assert.Equal(values.Count, statement.Sql.Count(ch => ch == '?'));
        }

        Assert.True(bound > 100, $"only {bound} values were bound as execution parameters");
    }

    [Fact]
    public async Task The_parameter_walk_fails_a_question_mark_in_the_select_list_limit_having_or_filter()
    {
        var result = await TrinoGrammarCheck.RunAsync(
        [
            new("where", "WITH q AS (SELECT a FROM t WHERE b = ?) SELECT * FROM q JOIN r ON q.a = r.a WHERE r.x IN (?, ?) AND r.y IN (SELECT z FROM s WHERE s.w = ?)", true),
            new("select-list", "SELECT ? AS n FROM t", true),
            new("limit", "SELECT a FROM t WHERE b = ? LIMIT ?", true),
            new("having", "SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > ?", true),
            new("filter", "SELECT count(*) FILTER (WHERE a = ?) FROM t", true),
        ]);

        Assert.Contains("ok   where\n", result.Output);
        Assert.Contains("FAIL select-list\n  line 1, column 8: execution parameter (?) outside a WHERE clause", result.Output);
        Assert.Contains("FAIL limit\n", result.Output);
        Assert.Contains("FAIL having\n", result.Output);
        Assert.Contains("FAIL filter\n", result.Output);
    }

    [Fact]
    public async Task Broken_sql_is_rejected_with_line_and_column_while_valid_sql_beside_it_passes()
    {
        var result = await TrinoGrammarCheck.RunAsync(
        [
            new("valid", "SELECT \"srcaddr\" FROM \"flowlogs\".\"vpc_flow_logs\" WHERE \"end\" > 0"),
            new("no-columns", "SELECT FROM WHERE"),
            new("unquoted-end", "SELECT \"srcaddr\"\nFROM \"flowlogs\".\"vpc_flow_logs\"\nWHERE end > 0"),
            new("duckdb-cast", "SELECT '1'::INTEGER"),
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ok   valid\n", result.Output);
        Assert.Contains("FAIL no-columns\n  line 1, column 8: ", result.Output);
        Assert.Contains("FAIL unquoted-end\n  line 3, column 7: ", result.Output);
        Assert.Contains("FAIL duckdb-cast\n  line 1, column 11: ", result.Output);
        Assert.Contains("1 of 4 statements parse as Trino SQL, 3 failed", result.Output);
    }

    [Fact]
    public async Task An_unbuilt_grammar_check_fails_with_a_message_to_run_scripts_test()
    {
        var script = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", "no-sqlcheck", "check.cjs");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => TrinoGrammarCheck.RunAsync([new("valid", "SELECT 1")], script));

        Assert.Contains($"{script} is not built", error.Message);
        Assert.Contains("Run ./scripts/test", error.Message);
    }

    [Fact]
    public async Task Missing_node_fails_with_a_message_to_run_scripts_test()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => TrinoGrammarCheck.RunAsync([new("valid", "SELECT 1")], searchPath: ""));

        Assert.Contains("needs node, and none is on PATH", error.Message);
        Assert.Contains("Run ./scripts/test", error.Message);
    }
}
