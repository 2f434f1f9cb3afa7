using System.Collections;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>Asserts two results are the same: column names and types, then every row in order.</summary>
public static class ResultComparison
{
    /// <summary>
    /// Floating-point values may differ in their last bits: both relations hold the same rows in a different
    /// physical order, and a float sum depends on the order it adds in. Everything else must be equal.
    /// </summary>
    private const double RelativeTolerance = 1e-12;

    public static void AssertIdentical(ResultSet duckDb, ResultSet athena, string what)
    {
        Assert.Equal(Describe(duckDb), Describe(athena));
        Assert.True(duckDb.Rows.Count == athena.Rows.Count,
            $"{what}: the DuckDB rendering returned {duckDb.Rows.Count} rows, the Athena rendering {athena.Rows.Count}.");
        for (var i = 0; i < duckDb.Rows.Count; i++)
            Assert.True(Same(duckDb.Rows[i], athena.Rows[i]),
                $"{what}: row {i + 1} differs: DuckDB rendering [{Show(duckDb.Rows[i])}], Athena rendering [{Show(athena.Rows[i])}].");
    }

    private static IEnumerable<string> Describe(ResultSet result) => result.Columns.Select(c => $"{c.Name} {c.EngineType}");

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => Close(x, y),
        (float x, float y) => Close(x, y),
        (string x, string y) => x == y,
        (IEnumerable x, IEnumerable y) => Same(x.Cast<object?>().ToList(), y.Cast<object?>().ToList()),
        _ => Equals(a, b),
    };

    private static bool Same(IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second));

    private static bool Close(double x, double y) => x.Equals(y) || Math.Abs(x - y) <= RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    private static string Show(object?[] row) => string.Join(", ", row.Select(v => v?.ToString() ?? "NULL"));
}
