namespace FlowLogAthena.Local;

/// <summary>Literal and identifier quoting for SQL the engine itself writes (file lists, view columns).</summary>
internal static class DuckDbSql
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string String(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
