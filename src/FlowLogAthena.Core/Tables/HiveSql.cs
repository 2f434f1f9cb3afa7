using System.Text;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Core.Tables;

/// <summary>Quoting for Athena DDL, which is Hive's dialect: backtick identifiers, backslash-escaped strings.</summary>
internal static partial class HiveSql
{
    /// <summary>A backtick-quoted identifier (backticks doubled), so reserved words such as <c>end</c> need no list.</summary>
    public static string Identifier(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(char.IsControl))
            throw new ArgumentException($"'{name}' cannot be a DDL identifier: it is empty or holds control characters.", nameof(name));
        return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <summary>A single-quoted string; Hive reads <c>\</c> escapes inside, so quote, backslash, tab and newlines are escaped.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\'': text.Append("\\'"); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        throw new ArgumentException($"A DDL string cannot hold the control character U+{(int)c:X4}.", nameof(value));
                    text.Append(c);
                    break;
            }
        }
        return text.Append('\'').ToString();
    }

    /// <summary>A column type as written (<c>bigint</c>, <c>array&lt;string&gt;</c>); types are not quoted, so only type characters pass.</summary>
    public static string Type(string type) => TypePattern().IsMatch(type)
        ? type
        : throw new ArgumentException($"'{type}' is not a Hive column type.", nameof(type));

    public static string Qualified(string database, string table) => $"{Identifier(database)}.{Identifier(table)}";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_<>,:() ]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
