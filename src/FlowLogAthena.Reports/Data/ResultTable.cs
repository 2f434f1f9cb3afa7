using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Reports.Data;

/// <summary>A query result kept in memory with the engine's own value types (long, decimal, string), so sums stay exact.</summary>
public sealed class ResultTable(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
{
    public static ResultTable Empty { get; } = new([], []);

    public IReadOnlyList<ResultColumn> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows { get; } = rows;

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal)) return i;
        throw new InvalidOperationException($"The result has no column '{column}'; it has {string.Join(", ", Columns.Select(c => c.Name))}.");
    }

    public static string? Text(object?[] row, int index) => row[index] switch
    {
        null => null,
        string s => s,
        var v => Core.Sinks.ValueText.Format(v),
    };

    /// <summary>An integer column (BIGINT, INTEGER, HUGEINT); NULL counts as 0 in the report's sums.</summary>
    public static long Long(object?[] row, int index) => row[index] switch
    {
        null => 0,
        long l => l,
        int i => i,
        short s => s,
        ulong u => checked((long)u),
        uint u => u,
        decimal d => decimal.ToInt64(d),
        System.Numerics.BigInteger b => (long)b,
        string s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        var v => throw new InvalidOperationException($"Expected an integer, got {v.GetType().Name} '{v}'."),
    };

    /// <summary>A DECIMAL column (money); integers widen exactly.</summary>
    public static decimal Decimal(object?[] row, int index) => row[index] switch
    {
        null => 0m,
        decimal d => d,
        string s => decimal.Parse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture),
        double d => throw new InvalidOperationException($"Expected an exact decimal, got the double {d}."),
        var v => Long(row, index),
    };
}
