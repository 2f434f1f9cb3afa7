using System.Text;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>Tidies rendered SQL: no trailing spaces, no runs of blank lines, no blank lines at either end.</summary>
internal static class SqlText
{
    public static string Normalize(string sql)
    {
        var builder = new StringBuilder();
        var blank = false;
        foreach (var rawLine in sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                blank = builder.Length > 0;
                continue;
            }
            if (blank) builder.Append('\n');
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(line);
            blank = false;
        }
        return builder.ToString();
    }
}
