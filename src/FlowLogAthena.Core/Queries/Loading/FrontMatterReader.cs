using System.Globalization;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>
/// Typed access to front-matter YAML nodes that reports every problem as a <see cref="QueryDefinitionException"/>
/// naming the file and the line of the offending node.
/// </summary>
internal sealed class FrontMatterReader(string path, int yamlStartLine)
{
    // Nodes that are not this file's own (a shared definition a query uses), with the place to name for them.
    private readonly Dictionary<YamlNode, string> _placed = new(ReferenceEqualityComparer.Instance);

    public string Path { get; } = path;

    /// <summary>The file line of a node (YamlDotNet lines are 1-based within the YAML text).</summary>
    public int Line(YamlNode node) => (int)node.Start.Line + yamlStartLine - 1;

    /// <summary><c>file:line</c> of a node, for messages: its own file's, or the place it was lent from.</summary>
    public string Where(YamlNode node) => _placed.TryGetValue(node, out var place) ? place : $"{Path}:{Line(node)}";

    /// <summary>Makes messages about <paramref name="node"/> name <paramref name="place"/> (a node lent from another file, or built).</summary>
    public void Place(YamlNode node, string place) => _placed[node] = place;

    public QueryDefinitionException Error(YamlNode node, string message) => new($"{Where(node)}: {message}");

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping of key: value lines.");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list ('- item' lines or [a, b]).");

    public string Scalar(YamlNode node, string what) =>
        (node as YamlScalarNode)?.Value ?? throw Error(node, $"{what} must be a single value, not a list or mapping.");

    /// <summary>Refuses keys outside <paramref name="allowed"/>, suggesting the nearest allowed one.</summary>
    public void CheckKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key, "A key");
            if (allowed.Contains(name, StringComparer.Ordinal)) continue;
            var nearest = allowed.OrderBy(a => EditDistance.Between(name, a)).ThenBy(a => a, StringComparer.Ordinal).First();
            var hint = EditDistance.Between(name, nearest) <= Math.Max(2, name.Length / 3) ? $" Did you mean '{nearest}'?" : "";
            throw Error(key, $"{what} has an unknown key '{name}'.{hint} Allowed keys: {string.Join(", ", allowed)}.");
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string RequiredText(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key) ?? throw Error(map, $"{what} has no '{key}'.");
        var value = Scalar(node, $"'{key}' of {what}").Trim();
        return value.Length > 0 ? value : throw Error(node, $"'{key}' of {what} is empty.");
    }

    public string? OptionalText(YamlMappingNode map, string key, string what) =>
        Get(map, key) is { } node ? Scalar(node, $"'{key}' of {what}").Trim() : null;

    public long? OptionalLong(YamlMappingNode map, string key, string what)
    {
        if (Get(map, key) is not { } node) return null;
        var text = Scalar(node, $"'{key}' of {what}").Trim();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"'{key}' of {what} must be an integer, not '{text}'.");
    }

    public bool OptionalBool(YamlMappingNode map, string key, string what)
    {
        if (Get(map, key) is not { } node) return false;
        return Scalar(node, $"'{key}' of {what}").Trim() switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(node, $"'{key}' of {what} must be true or false, not '{other}'."),
        };
    }

    /// <summary>A list of single values; a lone value counts as a list of one.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> ScalarList(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar) return [(Scalar(scalar, what).Trim(), scalar)];
        return Sequence(node, what).Children.Select(item => (Scalar(item, $"An item of {what}").Trim(), item)).ToList();
    }
}
