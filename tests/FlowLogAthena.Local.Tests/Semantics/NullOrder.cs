namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>The order the queries' <c>… NULLS LAST</c> gives text on DuckDB's binary collation, for the references.</summary>
public static class NullOrder
{
    /// <summary>Ordinal order with NULL last.</summary>
    public static readonly Comparer<string?> NullsLast = Comparer<string?>.Create((a, b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.CompareOrdinal(a, b));
}
