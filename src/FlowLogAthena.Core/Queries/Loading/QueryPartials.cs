using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using Scriban;
using Scriban.Syntax;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>
/// A catalog's partials: template text several queries share, one file each in <c>&lt;root&gt;/partials/&lt;name&gt;.sql</c>,
/// included with <c>{{ partial 'name' }}</c> or <c>{{ partial 'name' { key: 'value', … } }}</c>. A partial has no front
/// matter and is not a query: it renders inside the query that includes it, with that query's helpers, declared
/// parameters and fields, and the object's keys as variables. Names are plain names, never paths, and only the files
/// of this one folder load (a link leading out of it is refused).
/// </summary>
internal sealed partial class QueryPartials
{
    /// <summary>The folder below a catalog root that holds the partials; it is not a pack.</summary>
    public const string FolderName = "partials";

    private const int MaxDepth = 8;

    private readonly Dictionary<string, QueryPartial> _byName;

    private QueryPartials(string? folder, Dictionary<string, QueryPartial> byName, SharedDefinitions definitions)
    {
        Folder = folder;
        _byName = byName;
        Definitions = definitions;
    }

    /// <summary>No partials: a query parsed outside a catalog.</summary>
    public static QueryPartials None { get; } = new(null, [], SharedDefinitions.None);

    /// <summary>The front-matter entries the folder shares (<c>parameters.yaml</c>, <c>columns.yaml</c>).</summary>
    public SharedDefinitions Definitions { get; }

    /// <summary>The partials folder, or null for <see cref="None"/>.</summary>
    public string? Folder { get; }

    /// <summary>Loads <c>partials/*.sql</c> below <paramref name="catalogRoot"/> (none when the folder is absent); any bad file fails the load.</summary>
    public static QueryPartials Load(string catalogRoot)
    {
        var folder = Path.Combine(catalogRoot, FolderName);
        if (!Directory.Exists(folder)) return new QueryPartials(folder, [], SharedDefinitions.Load(folder));
        if (new DirectoryInfo(folder).LinkTarget is { } folderLink)
            throw new QueryDefinitionException($"{folder}: the partials folder must be a folder of the catalog, not a link (to {folderLink}).");

        var byName = new Dictionary<string, QueryPartial>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            var partial = Read(folder, file);
            byName.Add(partial.Name, partial);
        }
        foreach (var file in new[] { SharedDefinitions.ParametersFile, SharedDefinitions.ColumnsFile })
            CheckInside(folder, Path.Combine(folder, file));
        var partials = new QueryPartials(folder, byName, SharedDefinitions.Load(folder));
        foreach (var partial in byName.Values)
            partial.Includes = partials.CheckCalls(partial.SourcePath, 1, partial.Text, partial.Template);
        foreach (var partial in byName.Values) partials.CheckNoCycle(partial, []);
        return partials;
    }

    private static QueryPartial Read(string folder, string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (!NamePattern().IsMatch(name))
            throw new QueryDefinitionException($"{file}: a partial's name must be lower case words joined by '-', e.g. evidence-columns.");
        CheckInside(folder, file);

        var text = InputFile.ReadText(file, reason => new QueryDefinitionException($"{file}: the partial {reason}."))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Split('\n')[0].TrimEnd() == "---")
            throw new QueryDefinitionException(
                $"{file}:1: a partial has no front matter: its parameters, fields and output belong to each query that includes it.");
        // The file's last line break is not part of the text, so a partial called on its own line stands for its lines.
        if (text.EndsWith('\n')) text = text[..^1];
        if (text.Trim().Length == 0) throw new QueryDefinitionException($"{file}:1: the partial is empty.");

        var template = Template.Parse(text, file);
        if (template.HasErrors)
            throw new QueryDefinitionException(string.Join(Environment.NewLine, template.Messages.Select(m =>
                $"{file}:{m.Span.Start.Line + 1}:{m.Span.Start.Column + 1}: template error: {m.Message}")));
        return new QueryPartial(name, file, text, template);
    }

    private static void CheckInside(string folder, string file)
    {
        if (File.Exists(file) && File.ResolveLinkTarget(file, returnFinalTarget: true) is { } target && !IsInside(folder, target.FullName))
            throw new QueryDefinitionException($"{file}: a partial must be a file of {folder}; this one leads to {target.FullName}.");
    }

    private static bool IsInside(string folder, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>The partial called <paramref name="name"/>; a path, an odd name or an unknown one is an error naming it.</summary>
    /// <exception cref="ArgumentException">The name is not a partial of this catalog.</exception>
    internal QueryPartial Get(string name)
    {
        if (name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
            throw new ArgumentException($"partial takes a partial's name, not a path: '{name}'. Partials are the files of the catalog's {FolderName}/ folder.");
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a partial name: lower case words joined by '-', e.g. evidence-columns.");
        if (_byName.TryGetValue(name, out var partial)) return partial;
        throw new ArgumentException(Folder is null
            ? $"No partial '{name}': partials come from a catalog's {FolderName}/ folder, and this query was not loaded from a catalog."
            : $"No partial '{name}' in {Folder}" + (_byName.Count == 0 ? "." : $" (partials: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))})."));
    }

    /// <summary>
    /// Checks each <c>partial</c> call of a template: alone in its tag, the name quoted, at most one <c>{ … }</c> of
    /// arguments, and the partial present. Returns the names called.
    /// </summary>
    /// <param name="bodyStartLine">1-based file line of the template's first line, for messages.</param>
    internal List<string> CheckCalls(string path, int bodyStartLine, string text, Template template)
    {
        var names = new List<string>();
        foreach (var use in Uses(template.Page!))
        {
            var where = $"{path}:{bodyStartLine + use.Span.Start.Line}:{use.Span.Start.Column + 1}";
            if (use.Parent is not ScriptFunctionCall call || !ReferenceEquals(call.Target, use) || call.Arguments.Count is < 1 or > 2
                || call.Arguments[0] is not ScriptLiteral { Value: string name }
                || (call.Arguments.Count == 2 && call.Arguments[1] is not ScriptObjectInitializerExpression))
                throw new QueryDefinitionException($"{where}: {CallForm}");
            try
            {
                Get(name);
            }
            catch (ArgumentException e)
            {
                throw new QueryDefinitionException($"{where}: {e.Message}", e);
            }
            names.Add(name);
        }
        if (CallPattern().Count(text) != names.Count)
            throw new QueryDefinitionException($"{path}:{bodyStartLine}: {CallForm}");
        return names;
    }

    private const string CallForm =
        "write each partial call alone in its tag, its name in single quotes: {{ partial 'name' }} or {{ partial 'name' { key: 'value', … } }}.";

    private static IEnumerable<ScriptVariableGlobal> Uses(ScriptNode node)
    {
        if (node is ScriptVariableGlobal { Name: "partial" } use) yield return use;
        for (var i = 0; i < node.ChildrenCount; i++)
            if (node.GetChildren(i) is { } child)
                foreach (var nested in Uses(child)) yield return nested;
    }

    private void CheckNoCycle(QueryPartial partial, List<string> chain)
    {
        if (chain.Contains(partial.Name) || chain.Count >= MaxDepth)
            throw new QueryDefinitionException(chain.Contains(partial.Name)
                ? $"{partial.SourcePath}: partials include each other in a circle: {string.Join(" → ", chain.Append(partial.Name))}."
                : $"{partial.SourcePath}: partials nest more than {MaxDepth} deep: {string.Join(" → ", chain.Append(partial.Name))}.");
        foreach (var name in partial.Includes) CheckNoCycle(_byName[name], [.. chain, partial.Name]);
    }

    /// <summary>
    /// The template with every partial call replaced by the partial's text (nested ones too), between comment tags
    /// that name the partial, its arguments and its file: the whole template a query runs, for <c>queries show</c>.
    /// </summary>
    public string Expand(string body) => CallPattern().Replace(body, call =>
    {
        if (!_byName.TryGetValue(call.Groups["name"].Value, out var partial)) return call.Value;
        var arguments = call.Groups["args"].Success ? " " + call.Groups["args"].Value : "";
        var file = $"{FolderName}/{partial.Name}.sql";
        return $"{{{{{call.Groups["open"].Value} # partial '{partial.Name}'{arguments} from {file} }}}}\n"
            + Expand(partial.Text)
            + $"\n{{{{ # end of partial '{partial.Name}' {call.Groups["close"].Value}}}}}";
    });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("""\{\{(?<open>[-~]?)\s*partial\s+'(?<name>[^'\n]*)'\s*(?<args>\{[^{}]*\})?\s*(?<close>[-~]?)\}\}""")]
    private static partial Regex CallPattern();
}

/// <summary>One partial: its name (the file name without <c>.sql</c>), file, template text (without the file's last line break) and template.</summary>
internal sealed record QueryPartial(string Name, string SourcePath, string Text, Template Template)
{
    /// <summary>The partials this one includes.</summary>
    public IReadOnlyList<string> Includes { get; set; } = [];
}
