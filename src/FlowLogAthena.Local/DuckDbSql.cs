namespace FlowLogAthena.Local;

/// <summary>Literal and identifier quoting for SQL the engine itself writes (file lists, view columns).</summary>
internal static class DuckDbSql
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string String(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A path as a glob pattern matching only itself: DuckDB's file readers expand <c>*</c>, <c>?</c> and <c>[</c>,
    /// and a one-character class (<c>[*]</c>) is the escape its glob understands.
    /// </summary>
    public static string LiteralPath(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length);
        foreach (var c in path)
            builder.Append(c is '*' or '?' or '[' ? $"[{c}]" : c);
        return builder.ToString();
    }
}
