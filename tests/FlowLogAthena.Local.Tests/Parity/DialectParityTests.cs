using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// Every catalog query, rendered for Athena and for DuckDB over the same generated data, gives the same ordered
/// result when DuckDB runs both: the DuckDB rendering through the local engine, the Athena rendering against the
/// Glue-shaped table with its execution parameters bound. Where the Athena SQL needs Trino that DuckDB lacks, the
/// case is skipped as "not executable on DuckDB" — but only if docs/PARITY.md lists it so, with DuckDB's error.
/// </summary>
public sealed class DialectParityTests(ParityFixture fixture, ITestOutputHelper output) : IClassFixture<ParityFixture>
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);

    /// <summary>Each layout × each catalog query × each of its parameter variants.</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var layout in ParityLayout.All)
            foreach (var query in Catalog.All.Where(q => q.Kind == layout.Kind && q.RequiresFields.All(layout.Format.Contains)))
                foreach (var variant in ParityVariant.For(query))
                    cases.Add(layout.Name, query.Id, variant.Label);
        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task The_Athena_and_DuckDB_renderings_give_the_same_result(string layout, string queryId, string variant)
    {
        var data = await fixture.GetAsync(ParityLayout.Named(layout));
        var query = Catalog.Get(queryId);
        var parameters = await data.Samples.ForAsync(ParityVariant.Get(query, variant));
        var what = $"{queryId} ({variant}) on {layout}";
        output.WriteLine($"{what}; parameters: {string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"))}");

        var (duckDbSql, duckDb) = await data.RunDuckDbAsync(query, parameters);
        var athenaSql = await data.RenderAthenaAsync(query, parameters);
        output.WriteLine($"DuckDB rendering:\n{duckDbSql.Sql}\nAthena rendering (execution parameters [{string.Join(", ", athenaSql.ExecutionParameters ?? [])}]):\n{athenaSql.Sql}");

        ResultSet? athena = null;
        string? error = null;
        try
        {
            athena = await data.Glue.RunAsync(athenaSql);
        }
        catch (DuckDBException e)
        {
            error = FirstLine(e.Message);
        }

        var listed = ParityList.Load().SingleOrDefault(r => r.Query == queryId && r.Parameters == variant);
        if (error is not null)
        {
            Assert.True(listed is { Executable: false },
                $"{what}: DuckDB cannot run the Athena rendering: {error}\nIf the SQL needs Trino that DuckDB lacks, list it in {ParityList.File}:\n"
                + $"{ParityList.Row(queryId, variant, error)}\nOtherwise the Athena rendering is wrong.");
            Assert.True(error.Contains(listed.DuckDbError, StringComparison.Ordinal),
                $"{what}: {ParityList.File}:{listed.Line} expects DuckDB's error to contain '{listed.DuckDbError}'; DuckDB now says: {error}");
            output.WriteLine($"not executable on DuckDB: {listed.Why} ({error})");
            throw new SkipException($"not executable on DuckDB: {listed.Why} (DuckDB: {error})");
        }

        ResultComparison.AssertIdentical(duckDb, athena!, what);
        Assert.True(listed is not null, $"{what}: identical renderings are not listed in {ParityList.File}; add:\n{ParityList.Row(queryId, variant, null)}");
        Assert.True(listed.Executable,
            $"{what}: DuckDB now runs the Athena rendering, which {ParityList.File}:{listed.Line} lists as not executable ({listed.Why}); "
            + $"make it:\n{ParityList.Row(queryId, variant, null)}");
        // Not asserted non-empty: generic parameter samples cannot promise rows for every future query (the
        // semantic tests prove each query finds its rows); an empty match is reported as the weak proof it is.
        output.WriteLine(duckDb.Rows.Count > 0 ? $"identical: {duckDb.Rows.Count} rows" : "identical, but both results are empty");
    }

    [Fact]
    public void The_parity_list_has_exactly_one_row_for_every_query_and_parameter_variant()
    {
        var rows = ParityList.Load();
        var variants = Catalog.All.SelectMany(q => ParityVariant.For(q).Select(v => (Query: q.Id, Parameters: v.Label))).ToList();
        var listed = rows.Select(r => (r.Query, r.Parameters)).ToList();

        var missing = variants.Except(listed).Select(v => ParityList.Row(v.Query, v.Parameters, null)).ToList();
        var stale = rows.Where(r => !variants.Contains((r.Query, r.Parameters))).Select(r => $"line {r.Line}: {r.Query} | {r.Parameters}").ToList();
        var twice = listed.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key.Query} | {g.Key.Parameters}").ToList();

        Assert.True(missing.Count == 0 && stale.Count == 0 && twice.Count == 0,
            $"{ParityList.File} is out of date with the catalog.\n"
            + (missing.Count > 0 ? $"Add (the parity theory then says which DuckDB cannot run):\n{string.Join('\n', missing)}\n" : "")
            + (stale.Count > 0 ? $"Remove (no such query or variant):\n{string.Join('\n', stale)}\n" : "")
            + (twice.Count > 0 ? $"Listed twice:\n{string.Join('\n', twice)}\n" : ""));
    }

    private static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
    }
}
