using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>
/// Front-matter entries several queries declare alike, written once in the catalog's partials folder:
/// <c>parameters.yaml</c> (parameter definitions) and <c>columns.yaml</c> (output columns), each a YAML list of the
/// same mappings a query would write. A query's <c>parameters:</c> or <c>output:</c> item takes one by its bare name
/// (<c>- internal_cidrs</c>), or with <c>use: limit</c> followed by the keys it changes. Each entry is checked when
/// the catalog loads, and again as part of each query that uses it.
/// </summary>
internal sealed class SharedDefinitions
{
    public const string ParametersFile = "parameters.yaml";
    public const string ColumnsFile = "columns.yaml";

    private SharedDefinitions(SharedList parameters, SharedList columns)
    {
        Parameters = parameters;
        Columns = columns;
    }

    /// <summary>No shared entries: a query parsed outside a catalog.</summary>
    public static SharedDefinitions None { get; } = new(SharedList.Empty("parameter", null), SharedList.Empty("output column", null));

    public SharedList Parameters { get; }

    public SharedList Columns { get; }

    /// <summary>Loads the two files of <paramref name="folder"/> (an absent file shares nothing); a bad entry fails the load.</summary>
    public static SharedDefinitions Load(string folder) => new(
        SharedList.Load(Path.Combine(folder, ParametersFile), "parameter", (reader, map) => ParameterDefinitionReader.ReadOne(reader, map).Name),
        SharedList.Load(Path.Combine(folder, ColumnsFile), "output column", (reader, map) => OutputColumnReader.ReadOne(reader, map).Name));
}

/// <summary>The entries of one shared file by name, each with the reader of that file so its lines are named right.</summary>
internal sealed class SharedList
{
    private readonly Dictionary<string, (YamlMappingNode Node, FrontMatterReader Reader)> _byName;

    private SharedList(string what, string? path, Dictionary<string, (YamlMappingNode, FrontMatterReader)> byName)
    {
        What = what;
        Path = path;
        _byName = byName;
    }

    /// <summary>What an entry is, for messages: "parameter" or "output column".</summary>
    public string What { get; }

    /// <summary>The shared file, or null when there is no catalog.</summary>
    public string? Path { get; }

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public static SharedList Empty(string what, string? path) => new(what, path, []);

    /// <param name="check">Reads one entry as a query's would be read, returning its name.</param>
    public static SharedList Load(string path, string what, Func<FrontMatterReader, YamlMappingNode, string> check)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) return Empty(what, path);
        var text = InputFile.ReadText(path, reason => new QueryDefinitionException($"{path}: the shared {what} file {reason}."));
        var reader = new FrontMatterReader(path, 1);
        var root = YamlText.LoadRoot(text, (line, reason) => new QueryDefinitionException($"{path}:{line}: the shared {what} file is {reason}"));
        if (root is null) return Empty(what, path);

        var byName = new Dictionary<string, (YamlMappingNode, FrontMatterReader)>(StringComparer.Ordinal);
        foreach (var item in reader.Sequence(root, $"The shared {what} file").Children)
        {
            var map = reader.Mapping(item, $"A shared {what}");
            var name = check(reader, map);
            if (!byName.TryAdd(name, (map, reader)))
                throw reader.Error(map, $"The shared {what} '{name}' is defined twice.");
        }
        return new SharedList(what, path, byName);
    }

    /// <summary>
    /// The mapping a query's list item stands for: its own mapping; the shared entry its bare name names; or, for
    /// <c>use: name</c>, the shared entry with the item's other keys in place of the entry's. Nodes taken from the
    /// shared file are lent to <paramref name="reader"/>, so a problem with them names their file and line.
    /// </summary>
    public YamlMappingNode Resolve(FrontMatterReader reader, YamlNode item)
    {
        if (item is YamlScalarNode scalar)
            return Borrow(reader, Entry(reader, scalar, reader.Scalar(scalar, $"A {What}").Trim()), item);
        var own = reader.Mapping(item, $"A {What}");
        if (FrontMatterReader.Get(own, "use") is not { } useNode) return own;

        var name = reader.Scalar(useNode, $"'use' of a {What}").Trim();
        if (FrontMatterReader.Get(own, "name") is { } nameNode)
            throw reader.Error(nameNode, $"A {What} with 'use: {name}' takes its name from the shared {What}; drop 'name'.");
        var shared = Borrow(reader, Entry(reader, useNode, name), item);
        var merged = new YamlMappingNode();
        foreach (var (key, value) in shared.Children)
            if (FrontMatterReader.Get(own, ((YamlScalarNode)key).Value!) is null) merged.Add(key, value);
        foreach (var (key, value) in own.Children)
            if (((YamlScalarNode)key).Value != "use") merged.Add(key, value);
        reader.Place(merged, reader.Where(item));
        return merged;
    }

    private static YamlMappingNode Borrow(FrontMatterReader reader, (YamlMappingNode Node, FrontMatterReader Reader) entry, YamlNode usedAt)
    {
        var usedWhere = reader.Where(usedAt);
        foreach (var node in entry.Node.AllNodes)
            reader.Place(node, $"{entry.Reader.Where(node)} (used at {usedWhere})");
        return entry.Node;
    }

    private (YamlMappingNode Node, FrontMatterReader Reader) Entry(FrontMatterReader reader, YamlNode node, string name)
    {
        if (_byName.TryGetValue(name, out var entry)) return entry;
        var where = Path is null ? "shared definitions come from a catalog, and this query was not loaded from one"
            : _byName.Count == 0 ? $"the catalog's {Path} is absent or empty"
            : $"shared {What}s of {Path}: {string.Join(", ", Names)}";
        throw reader.Error(node, $"'{name}' is not a shared {What} ({where}). Write the {What} out with its keys, or use a shared one.");
    }
}
