using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>Reads and checks the <c>output:</c> list of a query's front matter: the result columns, in order.</summary>
internal static partial class OutputColumnReader
{
    /// <param name="shared">The catalog's shared output columns, which an item may name.</param>
    public static List<QueryOutputColumn> Read(FrontMatterReader reader, YamlNode node, SharedList shared)
    {
        var columns = new List<QueryOutputColumn>();
        foreach (var item in reader.Sequence(node, "'output'").Children)
        {
            var column = ReadOne(reader, shared.Resolve(reader, item));
            if (columns.Any(c => c.Name == column.Name)) throw reader.Error(item, $"Output column '{column.Name}' is listed twice.");
            columns.Add(column);
        }
        return columns.Count > 0 ? columns : throw reader.Error(node, "'output' lists no columns.");
    }

    public static QueryOutputColumn ReadOne(FrontMatterReader reader, YamlMappingNode map)
    {
        var name = reader.RequiredText(map, "name", "An output column");
        reader.CheckKeys(map, $"Output column '{name}'", "name", "description");
        if (!ColumnPattern().IsMatch(name))
            throw reader.Error(map, $"Output column '{name}' must be lower case letters, digits and _ (starting with a letter).");
        return new QueryOutputColumn(name, reader.OptionalText(map, "description", $"output column '{name}'") ?? "");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ColumnPattern();
}
