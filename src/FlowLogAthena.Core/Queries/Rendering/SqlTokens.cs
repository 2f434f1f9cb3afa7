namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>A word (keyword or bare name) or a single symbol of rendered SQL, and where it starts.</summary>
internal readonly record struct SqlToken(bool IsWord, string Text, int Position)
{
    public bool Is(char symbol) => !IsWord && Text.Length == 1 && Text[0] == symbol;

    public bool IsKeyword(string keyword) => IsWord && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The SQL text the renderer's checks read has no part in: an unclosed string, quoted name or comment.</summary>
internal sealed class SqlScanException(string what, string close) : Exception($"an unclosed {what} (no closing {close})");

/// <summary>
/// The one scanner of rendered SQL for the renderer's checks (read-only, placeholder placement): words and symbols
/// outside '…' strings, "…" quoted names and comments — the quoting DuckDB and Trino share. Numbers are skipped.
/// </summary>
internal static class SqlTokens
{
    /// <exception cref="SqlScanException">A string, quoted name or block comment is never closed.</exception>
    public static List<SqlToken> Scan(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && At(sql, i, "--")) i = End(sql, i, "\n", "comment", required: false);
            else if (c == '/' && At(sql, i, "/*")) i = End(sql, i + 2, "*/", "comment");
            else if (c is '\'' or '"') i = End(sql, i + 1, c.ToString(), c == '\'' ? "string" : "quoted name");
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new SqlToken(true, sql[start..i], start));
            }
            else if (char.IsDigit(c))
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.')) i++;
            }
            else
            {
                if (!char.IsWhiteSpace(c)) tokens.Add(new SqlToken(false, c.ToString(), i));
                i++;
            }
        }
        return tokens;
    }

    private static bool At(string sql, int i, string text) => string.CompareOrdinal(sql, i, text, 0, text.Length) == 0;

    /// <summary>The index after <paramref name="close"/> (doubled quotes stay inside).</summary>
    private static int End(string sql, int from, string close, string what, bool required = true)
    {
        var i = from;
        while (true)
        {
            var found = sql.IndexOf(close, i, StringComparison.Ordinal);
            if (found < 0)
                return required ? throw new SqlScanException(what, close) : sql.Length;
            var after = found + close.Length;
            if (close is "'" or "\"" && after < sql.Length && sql[after] == close[0])
            {
                i = after + 1;
                continue;
            }
            return after;
        }
    }
}
