using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Parameters;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>Reads and checks the <c>parameters:</c> list of a query's front matter, defaults included.</summary>
internal static partial class ParameterDefinitionReader
{
    private static readonly string[] Keys = ["name", "type", "description", "default", "min", "max", "values", "item_type", "required", "columns", "decimal_columns"];

    /// <param name="shared">The catalog's shared parameters, which an item may name or change.</param>
    public static IReadOnlyList<QueryParameterDefinition> Read(FrontMatterReader reader, YamlNode? node, SharedList shared)
    {
        if (node is null) return [];
        var parameters = new List<QueryParameterDefinition>();
        foreach (var item in reader.Sequence(node, "'parameters'").Children)
        {
            var parameter = ReadOne(reader, shared.Resolve(reader, item));
            if (parameters.Any(p => p.Name == parameter.Name))
                throw reader.Error(item, $"Parameter '{parameter.Name}' is declared twice.");
            parameters.Add(parameter);
        }
        return parameters;
    }

    public static QueryParameterDefinition ReadOne(FrontMatterReader reader, YamlMappingNode map)
    {
        var name = reader.RequiredText(map, "name", "A parameter");
        var what = $"parameter '{name}'";
        reader.CheckKeys(map, $"Parameter '{name}'", Keys);
        if (!NamePattern().IsMatch(name))
            throw reader.Error(map, $"Parameter name '{name}' must be lower case letters, digits and _ (starting with a letter).");

        var type = ReadType(reader, map, "type", what);
        QueryParameterType? itemType = null;
        if (FrontMatterReader.Get(map, "item_type") is { } itemNode)
        {
            if (type != QueryParameterType.List) throw reader.Error(itemNode, $"'item_type' of {what} applies only to type list.");
            itemType = ReadType(reader, map, "item_type", what);
            if (itemType == QueryParameterType.List) throw reader.Error(itemNode, $"'item_type' of {what} cannot be list: lists do not nest.");
            if (itemType == QueryParameterType.Mapping) throw reader.Error(itemNode, $"'item_type' of {what} cannot be mapping: a mapping is one file.");
        }
        else if (type == QueryParameterType.List)
        {
            throw reader.Error(map, $"List {what} needs an 'item_type' (one of {string.Join(", ", ScalarTypeNames())}).");
        }

        var scalarType = itemType ?? type;
        var min = reader.OptionalLong(map, "min", what);
        var max = reader.OptionalLong(map, "max", what);
        var columns = MappingColumns(reader, map, what, type);
        var decimalColumns = DecimalColumns(reader, map, what, columns);
        if ((min is not null || max is not null) && scalarType is not (QueryParameterType.Int or QueryParameterType.Decimal) && decimalColumns.Count == 0)
            throw reader.Error(map, $"'min' and 'max' of {what} apply only to int and decimal values (and a mapping's decimal_columns).");
        if (min > max) throw reader.Error(map, $"'min' ({min}) of {what} is above its 'max' ({max}).");

        var values = ReadValues(reader, map, what, scalarType);
        var required = reader.OptionalBool(map, "required", what);
        var definition = new QueryParameterDefinition
        {
            Name = name,
            Type = type,
            ItemType = itemType,
            Description = reader.OptionalText(map, "description", what) ?? "",
            Min = min,
            Max = max,
            Values = values,
            Columns = columns,
            DecimalColumns = decimalColumns,
            Required = required,
        };
        if (FrontMatterReader.Get(map, "default") is not { } defaultNode) return definition;
        if (required) throw reader.Error(defaultNode, $"Parameter '{name}' is required, so it cannot have a default.");
        if (type == QueryParameterType.Mapping)
            throw reader.Error(defaultNode, $"Mapping {what} cannot have a default: its value is a file the user supplies.");
        return definition with { Default = ReadDefault(reader, defaultNode, definition) };
    }

    private static QueryParameterType ReadType(FrontMatterReader reader, YamlMappingNode map, string key, string what)
    {
        var text = reader.RequiredText(map, key, what);
        if (QueryParameterTypes.TryParse(text, out var type)) return type;
        // A prefix counts as near too, so 'integer' suggests 'int' and 'ipaddress' suggests 'ip'.
        var nearest = QueryParameterTypes.Names
            .OrderBy(n => text.StartsWith(n, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance.Between(text, n)).First();
        var near = text.StartsWith(nearest, StringComparison.OrdinalIgnoreCase) || EditDistance.Between(text, nearest) <= 3;
        var hint = near ? $" Did you mean '{nearest}'?" : "";
        throw reader.Error(FrontMatterReader.Get(map, key)!,
            $"Unknown parameter type '{text}' for {what}.{hint} Types: {string.Join(", ", QueryParameterTypes.Names)}.");
    }

    private static List<string> ReadValues(FrontMatterReader reader, YamlMappingNode map, string what, QueryParameterType scalarType)
    {
        var node = FrontMatterReader.Get(map, "values");
        if (node is null)
            return scalarType == QueryParameterType.Enum ? throw reader.Error(map, $"Enum {what} needs 'values' (the allowed values).") : [];
        if (scalarType is not (QueryParameterType.Enum or QueryParameterType.Mapping))
            throw reader.Error(node, $"'values' of {what} applies only to enum values (and a mapping's keys).");
        var values = reader.ScalarList(node, $"'values' of {what}");
        if (values.Count == 0) throw reader.Error(node, $"'values' of {what} is empty.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, valueNode) in values)
        {
            // Enum values render as string literals, so they pass the same safety check as string parameters.
            var unsafeReason = value.Length == 0 ? "is empty" : ParameterParser.UnsafeStringReason(value);
            if (unsafeReason is not null) throw reader.Error(valueNode, $"Value '{ParameterParser.Show(value)}' of {what} {unsafeReason}.");
            if (!seen.Add(value)) throw reader.Error(valueNode, $"Value '{value}' of {what} is listed twice.");
        }
        return values.Select(v => v.Value).ToList();
    }

    /// <summary>The <c>columns</c> of a mapping: required there, refused elsewhere; lower_snake names, no repeats.</summary>
    private static List<string> MappingColumns(FrontMatterReader reader, YamlMappingNode map, string what, QueryParameterType type)
    {
        var node = FrontMatterReader.Get(map, "columns");
        if (node is null)
            return type == QueryParameterType.Mapping ? throw reader.Error(map, $"Mapping {what} needs 'columns' (the CSV header, key column first).") : [];
        if (type != QueryParameterType.Mapping) throw reader.Error(node, $"'columns' of {what} applies only to type mapping.");
        var columns = reader.ScalarList(node, $"'columns' of {what}");
        if (columns.Count == 0) throw reader.Error(node, $"'columns' of {what} is empty.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, columnNode) in columns)
        {
            if (!NamePattern().IsMatch(column))
                throw reader.Error(columnNode, $"Column '{ParameterParser.Show(column)}' of {what} must be lower case letters, digits and _ (starting with a letter).");
            if (!seen.Add(column)) throw reader.Error(columnNode, $"Column '{column}' of {what} is listed twice.");
        }
        return columns.Select(c => c.Value).ToList();
    }

    /// <summary>The <c>decimal_columns</c> of a mapping: columns it declares, never the key.</summary>
    private static List<string> DecimalColumns(FrontMatterReader reader, YamlMappingNode map, string what, List<string> columns)
    {
        var node = FrontMatterReader.Get(map, "decimal_columns");
        if (node is null) return [];
        if (columns.Count == 0) throw reader.Error(node, $"'decimal_columns' of {what} applies only to type mapping.");
        var decimals = reader.ScalarList(node, $"'decimal_columns' of {what}");
        foreach (var (column, columnNode) in decimals)
        {
            if (!columns.Contains(column, StringComparer.Ordinal))
                throw reader.Error(columnNode, $"Decimal column '{ParameterParser.Show(column)}' of {what} is not one of its columns ({string.Join(", ", columns)}).");
            if (column == columns[0]) throw reader.Error(columnNode, $"Decimal column '{column}' of {what} is its key column; keys are text.");
        }
        return decimals.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
    }

    private static ParameterValue ReadDefault(FrontMatterReader reader, YamlNode node, QueryParameterDefinition definition)
    {
        // A list default may be written as a YAML list or as the comma-separated text a user would pass.
        var text = node is YamlSequenceNode && definition.Type == QueryParameterType.List
            ? string.Join(',', reader.ScalarList(node, $"'default' of parameter '{definition.Name}'").Select(v => v.Value))
            : reader.Scalar(node, $"'default' of parameter '{definition.Name}'");
        try
        {
            return ParameterParser.Parse(definition, text);
        }
        catch (QueryParameterException e)
        {
            throw reader.Error(node, $"The default of parameter '{definition.Name}' is invalid: {e.Message}");
        }
    }

    private static IEnumerable<string> ScalarTypeNames() => QueryParameterTypes.Names.Where(n => n != "list");

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
