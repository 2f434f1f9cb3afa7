using System.Text.RegularExpressions;

namespace FlowLogAthena.Core.Tables;

/// <summary>Glue database and table names as Athena wants them: lower-case letters, digits and underscores.</summary>
internal static partial class TableNames
{
    /// <summary>Glue's limit on a name's length.</summary>
    public const int MaxLength = 255;

    public static void Check(string what, string name)
    {
        if (!NamePattern().IsMatch(name) || name.Length > MaxLength)
            throw new TableDefinitionException(
                $"'{name}' cannot be a {what} name: use 1–{MaxLength} lower-case letters, digits and underscores (Glue stores names in lower case).");
    }

    [GeneratedRegex("^[a-z0-9_]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
