using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Parameters;
using Scriban;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>
/// Reads one <c>queries/&lt;pack&gt;/&lt;id&gt;.sql</c> file: YAML front matter between <c>---</c> lines, then a
/// Scriban body. Every problem is a <see cref="QueryDefinitionException"/> that starts with <c>file:line:</c>.
/// </summary>
internal static partial class QueryFileParser
{
    private static readonly string[] TopKeys = ["id", "title", "kind", "control", "description", "parameters", "requires_fields", "optional_fields", "requires", "output", "chart"];

    /// <param name="partials">The catalog's partials the template may include (none when parsed on its own).</param>
    public static QueryDefinition Load(string path, QueryPartials? partials = null)
    {
        return Parse(path, InputFile.ReadText(path, reason => new QueryDefinitionException($"{path}: the query file {reason}.")), partials);
    }

    /// <summary>Parses query file text; the pack is the name of the folder that holds <paramref name="path"/>.</summary>
    /// <param name="partials">The catalog's partials the template may include (none when parsed on its own).</param>
    public static QueryDefinition Parse(string path, string text, QueryPartials? partials = null)
    {
        partials ??= QueryPartials.None;
        var split = FrontMatter.Split(path, text);
        var reader = new FrontMatterReader(path, split.YamlStartLine);
        var root = reader.Mapping(LoadYaml(path, split), "The front matter");
        reader.CheckKeys(root, "The front matter", TopKeys);

        var id = reader.RequiredText(root, "id", "The front matter");
        var fileId = System.IO.Path.GetFileNameWithoutExtension(path);
        if (id != fileId)
            throw reader.Error(FrontMatterReader.Get(root, "id")!, $"The id '{id}' must equal the file name without .sql ('{fileId}').");
        if (!IdPattern().IsMatch(id))
            throw reader.Error(FrontMatterReader.Get(root, "id")!, $"The id '{id}' must be lower case words joined by '-', e.g. top-talkers.");

        var shared = partials.Definitions;
        var output = OutputColumnReader.Read(reader, FrontMatterReader.Get(root, "output") ?? throw reader.Error(root, "The front matter has no 'output' (the result columns)."), shared.Columns);
        var body = split.Body.Trim().Length > 0 ? split.Body : throw new QueryDefinitionException($"{path}:{split.BodyStartLine}: the query has no SQL after its front matter.");
        var parameters = ParameterDefinitionReader.Read(reader, FrontMatterReader.Get(root, "parameters"), shared.Parameters);
        var control = ReadControl(reader, root, parameters);
        var kind = ReadKind(reader, root);
        var requiresFields = ReadFields(reader, FrontMatterReader.Get(root, "requires_fields"), "requires_fields");
        var optionalFields = ReadFields(reader, FrontMatterReader.Get(root, "optional_fields"), "optional_fields");
        CheckKindHasFields(reader, root, kind, requiresFields.Concat(optionalFields));
        var requires = ReadRequires(reader, root);
        var template = ParseTemplate(path, split);
        partials.CheckCalls(path, split.BodyStartLine, split.Body, template);
        return new QueryDefinition(path, split.BodyStartLine, body, template)
        {
            Id = id,
            IdLine = reader.Line(FrontMatterReader.Get(root, "id")!),
            Pack = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))) ?? "",
            Title = reader.RequiredText(root, "title", "The front matter"),
            Description = reader.RequiredText(root, "description", "The front matter"),
            Control = control,
            Kind = kind,
            Parameters = parameters,
            RequiresFields = requiresFields,
            OptionalFields = optionalFields,
            RequiresIpRanges = requires.Contains(QueryDefinition.IpRangesRequirement),
            RequiresInventory = requires.Contains(QueryDefinition.InventoryRequirement),
            Output = output,
            Chart = ReadChart(reader, FrontMatterReader.Get(root, "chart"), output),
            Partials = partials,
        };
    }

    /// <summary><c>kind:</c> the flow logs the query reads, <c>vpc</c> (the default) or <c>transit-gateway</c>.</summary>
    private static FlowLogKind ReadKind(FrontMatterReader reader, YamlMappingNode root)
    {
        var node = FrontMatterReader.Get(root, "kind");
        if (node is null) return FlowLogKind.Vpc;
        var name = reader.Scalar(node, "'kind'");
        return FlowLogKindNames.TryParse(name, out var kind)
            ? kind
            : throw reader.Error(node, $"'kind' is '{name}'; it must be {string.Join(" or ", FlowLogKindNames.All)} (the kind of flow log the query reads).");
    }

    /// <summary><c>requires: [ip-ranges, inventory]</c>: tables beside the flow logs the query cannot do without.</summary>
    private static HashSet<string> ReadRequires(FrontMatterReader reader, YamlMappingNode root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var node = FrontMatterReader.Get(root, "requires");
        if (node is null) return names;
        foreach (var (name, nameNode) in reader.ScalarList(node, "'requires'"))
        {
            if (name is not (QueryDefinition.IpRangesRequirement or QueryDefinition.InventoryRequirement))
                throw reader.Error(nameNode, $"'requires' lists '{name}'; a query may require {QueryDefinition.IpRangesRequirement} (AWS's address ranges) "
                    + $"and {QueryDefinition.InventoryRequirement} (the interface inventory).");
            names.Add(name);
        }
        return names;
    }

    /// <summary>Every field the query reads must be one flow logs of its kind have, or no format could ever serve it.</summary>
    private static void CheckKindHasFields(FrontMatterReader reader, YamlMappingNode root, FlowLogKind kind, IEnumerable<string> fields)
    {
        var foreign = fields.FirstOrDefault(name => FieldCatalog.TryGet(name, out var field) && !kind.Has(field));
        if (foreign is not null)
            throw reader.Error(FrontMatterReader.Get(root, "kind") ?? root,
                $"The query reads '{foreign}', which {kind.ToDisplayName()} flow logs do not have; "
                + (kind == FlowLogKind.Vpc ? "a query of Transit Gateway flow logs declares kind: transit-gateway." : "read only fields Transit Gateway flow logs have."));
    }

    /// <summary>
    /// <c>control:</c> makes the query a compliance control: the text states the rule, the rows are the evidence
    /// against it. Evidence must be complete, so a control cannot take the shared <c>limit</c> row cap.
    /// </summary>
    private static string? ReadControl(FrontMatterReader reader, YamlMappingNode root, IReadOnlyList<QueryParameterDefinition> parameters)
    {
        if (FrontMatterReader.Get(root, "control") is null) return null;
        var control = reader.RequiredText(root, "control", "The front matter");
        if (parameters.Any(p => p.Name == "limit"))
            throw reader.Error(FrontMatterReader.Get(root, "control")!, "A control's evidence must be complete, so it cannot declare the 'limit' parameter.");
        return control;
    }

    private static YamlNode LoadYaml(string path, FrontMatter split)
    {
        return YamlText.LoadRoot(split.Yaml, (line, reason) => new QueryDefinitionException($"{path}:{line + split.YamlStartLine - 1}: the front matter is {reason}"))
            ?? throw new QueryDefinitionException($"{path}:{split.YamlStartLine}: the front matter is empty; it needs at least id, title, description and output.");
    }

    private static List<string> ReadFields(FrontMatterReader reader, YamlNode? node, string key)
    {
        if (node is null) return [];
        var fields = new List<string>();
        foreach (var (name, item) in reader.ScalarList(node, $"'{key}'"))
        {
            if (!FieldCatalog.TryGet(name, out _))
                throw reader.Error(item, $"{key} names an unknown field: {FlowLogFormat.UnknownFieldMessage(name)}");
            if (fields.Contains(name)) throw reader.Error(item, $"{key} lists '{name}' twice.");
            fields.Add(name);
        }
        return fields;
    }

    private static QueryChartHint? ReadChart(FrontMatterReader reader, YamlNode? node, IReadOnlyList<QueryOutputColumn> output)
    {
        if (node is null) return null;
        var map = reader.Mapping(node, "'chart'");
        reader.CheckKeys(map, "'chart'", "type", "x", "y", "title");
        var type = reader.RequiredText(map, "type", "'chart'");
        if (!QueryChartHint.Types.Contains(type))
            throw reader.Error(FrontMatterReader.Get(map, "type")!, $"Chart type '{type}' is not one of {string.Join(", ", QueryChartHint.Types)}.");
        return new QueryChartHint(type, Columns("x"), Columns("y"), reader.OptionalText(map, "title", "'chart'"));

        IReadOnlyList<string> Columns(string key)
        {
            var axis = FrontMatterReader.Get(map, key) ?? throw reader.Error(map, $"'chart' has no '{key}'.");
            var names = reader.ScalarList(axis, $"'{key}' of 'chart'");
            foreach (var (name, item) in names)
                if (output.All(c => c.Name != name))
                    throw reader.Error(item, $"Chart {key} '{name}' is not an output column ({string.Join(", ", output.Select(c => c.Name))}).");
            return names.Count > 0 ? names.Select(n => n.Value).ToList() : throw reader.Error(axis, $"'{key}' of 'chart' is empty.");
        }
    }

    private static Template ParseTemplate(string path, FrontMatter split)
    {
        var template = Template.Parse(split.Body, path);
        if (!template.HasErrors) return template;
        var messages = template.Messages.Select(m =>
            $"{path}:{split.BodyStartLine + m.Span.Start.Line}:{m.Span.Start.Column + 1}: template error: {m.Message}");
        throw new QueryDefinitionException(string.Join(Environment.NewLine, messages));
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the file line replaces that.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
