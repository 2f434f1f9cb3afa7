using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>
/// A query pack may come from a user's folder, so its rendered SQL must be one read-only query before any engine
/// sees it: no ';' anywhere (so one statement, whatever an engine takes for a string), a SELECT or WITH first, and
/// no statement keyword (COPY, ATTACH, SET, …) anywhere outside '…' strings, "…" names and comments (the quoting both
/// engines share; anything else is scanned as code, which can only refuse more). Engine-neutral; DuckDB is also locked (DuckDbLockdown),
/// so a query that slips past this still cannot write or leave the source.
/// </summary>
internal static class ReadOnlyQueryCheck
{
    private static readonly HashSet<string> ReadKinds = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH" };

    /// <summary>Words that begin a statement that is not a query, in DuckDB, Trino/Athena or Hive.</summary>
    private static readonly HashSet<string> StatementWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALTER", "ANALYZE", "ATTACH", "BEGIN", "CALL", "CHECKPOINT", "COMMENT", "COMMIT", "COPY", "CREATE", "DEALLOCATE",
        "DELETE", "DESCRIBE", "DETACH", "DROP", "EXECUTE", "EXPLAIN", "EXPORT", "FORCE", "GRANT", "IMPORT", "INSERT",
        "INSTALL", "LOAD", "MERGE", "MSCK", "PRAGMA", "PREPARE", "REFRESH", "RESET", "REVOKE", "ROLLBACK", "SET", "SHOW",
        "SUMMARIZE", "TRUNCATE", "UNLOAD", "UPDATE", "USE", "VACUUM",
    };

    /// <exception cref="QueryDefinitionException">Names the query file and the statement kind found.</exception>
    public static void Ensure(QueryDefinition query, string sql)
    {
        if (sql.Contains(';', StringComparison.Ordinal))
            throw new QueryDefinitionException(
                $"{query.SourcePath}:{query.BodyStartLine}: the rendered SQL contains ';'; a query must be a single statement without one.");
        var words = CodeWords(query, sql);
        var where = $"{query.SourcePath}:{query.BodyStartLine}";
        const string rule = "a query pack may hold only one read-only query: a SELECT, or WITH … SELECT.";
        if (words.Count == 0)
            throw new QueryDefinitionException($"{where}: the rendered SQL holds no statement; {rule}");
        if (!ReadKinds.Contains(words[0]))
            throw new QueryDefinitionException($"{where}: the query is a {words[0].ToUpperInvariant()} statement, not a query; {rule}");
        var hidden = words.FirstOrDefault(StatementWords.Contains);
        if (hidden is not null)
            throw new QueryDefinitionException($"{where}: the query holds a {hidden.ToUpperInvariant()} statement inside its {words[0].ToUpperInvariant()}; {rule}");
    }

    /// <summary>The bare words of the SQL in order, skipping strings, quoted names and comments.</summary>
    private static List<string> CodeWords(QueryDefinition query, string sql)
    {
        try
        {
            return SqlTokens.Scan(sql).Where(t => t.IsWord).Select(t => t.Text).ToList();
        }
        catch (SqlScanException e)
        {
            throw new QueryDefinitionException(
                $"{query.SourcePath}:{query.BodyStartLine}: the rendered SQL has {e.Message}; it cannot be checked as one read-only query.");
        }
    }
}
