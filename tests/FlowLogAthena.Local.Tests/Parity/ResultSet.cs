namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>A whole result: the columns with DuckDB's type names, and the rows in the order the query returned them.</summary>
public sealed record ResultSet(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows);
