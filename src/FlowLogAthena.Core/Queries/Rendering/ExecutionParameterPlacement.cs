using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>
/// Keeps execution parameters only where AWS documents Athena accepts them, the WHERE clause
/// (docs.aws.amazon.com/athena/latest/ug/querying-with-prepared-statements.html): every other <c>?</c> — a select
/// list, LIMIT, HAVING, GROUP BY, a JOIN's ON, an aggregate's FILTER — becomes the validated literal it was bound to.
/// A small scanner finds each <c>?</c> outside strings, quoted names and comments, and tracks per parenthesis level
/// which clause it is in; a WHERE counts only after that level's FROM (so FILTER (WHERE …) does not). When unsure
/// (e.g. after <c>IS DISTINCT FROM</c>) it inlines, which is always allowed.
/// </summary>
internal static class ExecutionParameterPlacement
{
    private enum Clause
    {
        Other,
        Select,
        From,
        Where,
    }

    private sealed class Level(Clause clause)
    {
        public Clause Clause { get; set; } = clause;

        public bool SawFrom { get; set; }
    }

    /// <summary>The SQL with out-of-WHERE placeholders inlined, and the values still bound, in placeholder order.</summary>
    public static (string Sql, IReadOnlyList<string> Bound) KeepOnlyInWhere(string sql, IReadOnlyList<string> values, QueryDefinition query)
    {
        var placeholders = Scan(sql);
        if (placeholders.Count != values.Count)
            throw new QueryDefinitionException(
                $"{query.SourcePath}:{query.BodyStartLine}: the rendered SQL has {placeholders.Count} '?' but {values.Count} bound values; "
                + "a template must not write '?' itself (use param 'name').");

        var text = new System.Text.StringBuilder(sql.Length);
        var bound = new List<string>();
        var last = 0;
        for (var i = 0; i < placeholders.Count; i++)
        {
            var (position, inWhere) = placeholders[i];
            text.Append(sql, last, position - last);
            if (inWhere)
            {
                text.Append('?');
                bound.Add(values[i]);
            }
            else
            {
                text.Append(values[i]);
            }
            last = position + 1;
        }
        text.Append(sql, last, sql.Length - last);
        return (text.ToString(), bound);
    }

    /// <summary>Each <c>?</c> token's position and whether it lies in a WHERE clause.</summary>
    private static List<(int Position, bool InWhere)> Scan(string sql)
    {
        var found = new List<(int, bool)>();
        var levels = new Stack<Level>();
        levels.Push(new Level(Clause.Other));
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            switch (c)
            {
                case '\'':
                case '"':
                    i = SkipQuoted(sql, i, c);
                    break;
                case '-' when i + 1 < sql.Length && sql[i + 1] == '-':
                    i = sql.IndexOf('\n', i) is var end and >= 0 ? end : sql.Length;
                    break;
                case '/' when i + 1 < sql.Length && sql[i + 1] == '*':
                    i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 1 : sql.Length;
                    break;
                case '(':
                    levels.Push(new Level(levels.Peek().Clause));
                    break;
                case ')':
                    if (levels.Count > 1) levels.Pop();
                    break;
                case '?':
                    found.Add((i, levels.Peek().Clause == Clause.Where));
                    break;
                default:
                    if (char.IsAsciiLetter(c) || c == '_')
                    {
                        var start = i;
                        while (i + 1 < sql.Length && (char.IsAsciiLetterOrDigit(sql[i + 1]) || sql[i + 1] == '_')) i++;
                        Keyword(levels.Peek(), sql.AsSpan(start, i - start + 1));
                    }
                    break;
            }
        }
        return found;
    }

    private static void Keyword(Level level, ReadOnlySpan<char> word)
    {
        static bool Is(ReadOnlySpan<char> word, string keyword) => word.Equals(keyword, StringComparison.OrdinalIgnoreCase);

        if (Is(word, "SELECT"))
        {
            level.Clause = Clause.Select;
            level.SawFrom = false;
        }
        else if (Is(word, "FROM"))
        {
            level.Clause = Clause.From;
            level.SawFrom = true;
        }
        else if (Is(word, "WHERE"))
        {
            level.Clause = level.SawFrom ? Clause.Where : Clause.Other;
        }
        else if (Is(word, "UNION") || Is(word, "INTERSECT") || Is(word, "EXCEPT"))
        {
            level.Clause = Clause.Other;
            level.SawFrom = false;
        }
        else if (Is(word, "GROUP") || Is(word, "HAVING") || Is(word, "ORDER") || Is(word, "LIMIT") || Is(word, "OFFSET")
                 || Is(word, "FETCH") || Is(word, "WINDOW") || Is(word, "QUALIFY") || Is(word, "ON") || Is(word, "USING")
                 || Is(word, "JOIN") || Is(word, "VALUES") || Is(word, "WITH"))
        {
            level.Clause = Clause.Other;
        }
    }

    /// <summary>The index of the closing quote of a quoted string or name (a doubled quote stays inside).</summary>
    private static int SkipQuoted(string sql, int open, char quote)
    {
        for (var i = open + 1; i < sql.Length; i++)
        {
            if (sql[i] != quote) continue;
            if (i + 1 < sql.Length && sql[i + 1] == quote)
            {
                i++;
                continue;
            }
            return i;
        }
        return sql.Length;
    }
}
