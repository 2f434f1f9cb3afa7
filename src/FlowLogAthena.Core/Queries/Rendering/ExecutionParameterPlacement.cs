using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>
/// Keeps execution parameters only where AWS documents Athena accepts them, the WHERE clause
/// (docs.aws.amazon.com/athena/latest/ug/querying-with-prepared-statements.html): every other <c>?</c> — a select
/// list, LIMIT, HAVING, GROUP BY, a JOIN's ON, an aggregate's FILTER — becomes the validated literal it was bound to.
/// <see cref="SqlTokens"/> finds each <c>?</c> outside strings, quoted names and comments; this tracks per parenthesis level
/// which clause it is in; a WHERE counts only after that level's FROM (so FILTER (WHERE …) does not). When unsure
/// (e.g. after <c>IS DISTINCT FROM</c>) it inlines, which is always allowed.
/// </summary>
internal static class ExecutionParameterPlacement
{
    /// <summary>Words that end a WHERE (or any) clause at their level.</summary>
    private static readonly HashSet<string> ClauseEnders = new(StringComparer.OrdinalIgnoreCase)
    {
        "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH", "WINDOW", "QUALIFY", "ON", "USING", "JOIN", "VALUES", "WITH",
    };

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
        foreach (var token in SqlTokens.Scan(sql))
        {
            if (token.IsWord) Keyword(levels.Peek(), token);
            else if (token.Is('(')) levels.Push(new Level(levels.Peek().Clause));
            else if (token.Is(')') && levels.Count > 1) levels.Pop();
            else if (token.Is('?')) found.Add((token.Position, levels.Peek().Clause == Clause.Where));
        }
        return found;
    }

    private static void Keyword(Level level, SqlToken word)
    {
        if (word.IsKeyword("SELECT"))
        {
            level.Clause = Clause.Select;
            level.SawFrom = false;
        }
        else if (word.IsKeyword("FROM"))
        {
            level.Clause = Clause.From;
            level.SawFrom = true;
        }
        else if (word.IsKeyword("WHERE"))
        {
            level.Clause = level.SawFrom ? Clause.Where : Clause.Other;
        }
        else if (word.IsKeyword("UNION") || word.IsKeyword("INTERSECT") || word.IsKeyword("EXCEPT"))
        {
            level.Clause = Clause.Other;
            level.SawFrom = false;
        }
        else if (ClauseEnders.Contains(word.Text))
        {
            level.Clause = Clause.Other;
        }
    }
}
