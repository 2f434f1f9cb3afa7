namespace FlowLogAthena.Core.Queries;

/// <summary>The SQL dialects a query pack renders to.</summary>
public enum SqlDialect
{
    /// <summary>Amazon Athena engine v3 (Trino).</summary>
    Athena,

    /// <summary>Embedded DuckDB.</summary>
    DuckDb,
}
