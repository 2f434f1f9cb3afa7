using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Infra.Tests;

/// <summary>
/// A CloudFormation template in JSON from the repository's <c>infra/</c> folder, with the checks a deploy would
/// fail on before any resource exists: the sections, and every <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>
/// variable and <c>DependsOn</c> naming a parameter, resource or pseudo parameter.
/// </summary>
public sealed partial class CfnTemplate
{
    public static readonly IReadOnlySet<string> PseudoParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    private static readonly HashSet<string> Intrinsics = new(StringComparer.Ordinal)
    {
        "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::ImportValue", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If",
        "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::FindInMap", "Fn::Base64", "Fn::GetAZs", "Fn::Cidr",
    };

    private static readonly HashSet<string> Sections = new(StringComparer.Ordinal)
    {
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions",
        "Transform", "Resources", "Outputs",
    };

    private CfnTemplate(string name, JsonObject root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public JsonObject Root { get; }

    public JsonObject Parameters => Root[nameof(Parameters)] as JsonObject ?? [];

    public JsonObject Resources => Root[nameof(Resources)] as JsonObject ?? [];

    public JsonObject Outputs => Root[nameof(Outputs)] as JsonObject ?? [];

    public static string Folder { get; } = RepositoryRoot.Infra;

    public static IEnumerable<string> Files => Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal);

    public static CfnTemplate Load(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        var node = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
        return Parse(fileName, node);
    }

    public static CfnTemplate Parse(string name, JsonNode node) =>
        new(name, node as JsonObject ?? throw new InvalidDataException($"{name}: the template is not a JSON object."));

    public JsonObject Resource(string logicalId) =>
        Resources[logicalId] as JsonObject ?? throw new KeyNotFoundException($"{Name} has no resource {logicalId}.");

    public JsonObject Properties(string logicalId) => Resource(logicalId)["Properties"]!.AsObject();

    public JsonObject Parameter(string name) =>
        Parameters[name] as JsonObject ?? throw new KeyNotFoundException($"{Name} has no parameter {name}.");

    /// <summary>The parameter's AllowedValues as strings.</summary>
    public IReadOnlyList<string> AllowedValues(string parameter) =>
        Parameter(parameter)["AllowedValues"]!.AsArray().Select(v => v!.ToString()).ToList();

    public string DefaultOf(string parameter) => Parameter(parameter)["Default"]!.ToString();

    /// <summary>Every way the template is not well-formed CloudFormation, one message each; empty when it is.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (key, _) in Root)
            if (!Sections.Contains(key)) problems.Add($"unknown top-level section '{key}'");
        if (Root["AWSTemplateFormatVersion"]?.ToString() != "2010-09-09")
            problems.Add("AWSTemplateFormatVersion is not \"2010-09-09\"");
        if (Resources.Count == 0) problems.Add("no Resources");

        foreach (var (name, node) in Parameters)
            CheckParameter(name, node as JsonObject, problems);
        foreach (var (id, node) in Resources)
        {
            if (node is not JsonObject resource) { problems.Add($"resource {id} is not an object"); continue; }
            if (resource["Type"]?.ToString() is not { } type || !ResourceTypePattern().IsMatch(type))
                problems.Add($"resource {id} has no AWS::Service::Resource Type");
            foreach (var dependency in DependsOn(resource))
                if (!Resources.ContainsKey(dependency)) problems.Add($"resource {id} DependsOn unknown resource '{dependency}'");
        }
        foreach (var (id, node) in Outputs)
            if (node is not JsonObject output || output["Value"] is null) problems.Add($"output {id} has no Value");

        Walk(Root[nameof(Resources)], nameof(Resources), problems);
        Walk(Root[nameof(Outputs)], nameof(Outputs), problems);

        var used = ReferencedNames();
        foreach (var (name, _) in Parameters)
            if (!used.Contains(name)) problems.Add($"parameter {name} is never used");
        return problems;
    }

    private static IEnumerable<string> DependsOn(JsonObject resource) => resource["DependsOn"] switch
    {
        JsonArray list => list.Select(d => d!.ToString()),
        JsonValue one => [one.ToString()],
        _ => [],
    };

    private static void CheckParameter(string name, JsonObject? parameter, List<string> problems)
    {
        if (parameter is null) { problems.Add($"parameter {name} is not an object"); return; }
        var type = parameter["Type"]?.ToString();
        if (type is not ("String" or "Number" or "CommaDelimitedList" or "List<Number>") && type?.StartsWith("AWS::", StringComparison.Ordinal) != true)
            problems.Add($"parameter {name} has Type '{type}'");
        if (parameter["Default"] is not { } defaultNode) return;
        var value = defaultNode.ToString();
        if (parameter["AllowedValues"] is JsonArray allowed && !allowed.Any(a => a!.ToString() == value))
            problems.Add($"parameter {name}'s Default '{value}' is not among its AllowedValues");
        if (parameter["AllowedPattern"]?.ToString() is { } pattern && !Regex.IsMatch(value, "^(?:" + pattern + ")$"))
            problems.Add($"parameter {name}'s Default '{value}' does not match its AllowedPattern");
        if (type == "Number")
        {
            if (!decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number))
                problems.Add($"parameter {name}'s Default '{value}' is not a number");
            else if (parameter["MinValue"] is { } min && number < (decimal)min)
                problems.Add($"parameter {name}'s Default {value} is below its MinValue");
        }
    }

    /// <summary>The parameters and resources a Ref or Fn::Sub variable names anywhere in the template.</summary>
    private HashSet<string> ReferencedNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o.Count == 1 && o["Ref"] is JsonValue r) names.Add(r.ToString());
                    if (o.Count == 1 && o["Fn::Sub"] is { } sub)
                        foreach (var variable in SubVariables(sub is JsonArray a ? a[0]!.ToString() : sub.ToString()))
                            names.Add(variable.Split('.')[0]);
                    foreach (var (_, child) in o) Visit(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Visit(child);
                    break;
            }
        }
        Visit(Root);
        return names;
    }

    private bool IsNameable(string name) => Parameters.ContainsKey(name) || Resources.ContainsKey(name) || PseudoParameters.Contains(name);

    private void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key.StartsWith("Fn::", StringComparison.Ordinal) || key == "Ref")
                    {
                        if (o.Count != 1) problems.Add($"{path}: intrinsic {key} shares its object with other keys");
                        if (!Intrinsics.Contains(key)) problems.Add($"{path}: unknown intrinsic function {key}");
                        else CheckIntrinsic(key, child, path, problems);
                    }
                    Walk(child, $"{path}.{key}", problems);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", problems);
                break;
        }
    }

    private void CheckIntrinsic(string function, JsonNode? argument, string path, List<string> problems)
    {
        switch (function)
        {
            case "Ref":
                if (argument is not JsonValue || !IsNameable(argument.ToString()))
                    problems.Add($"{path}: Ref '{argument}' names no parameter, resource or pseudo parameter");
                break;
            case "Fn::GetAtt":
                var target = argument switch
                {
                    JsonArray { Count: 2 } pair => pair[0]?.ToString(),
                    JsonValue dotted when dotted.ToString().Contains('.', StringComparison.Ordinal) => dotted.ToString().Split('.')[0],
                    _ => null,
                };
                if (target is null || !Resources.ContainsKey(target))
                    problems.Add($"{path}: Fn::GetAtt {argument?.ToJsonString()} names no resource");
                break;
            case "Fn::Sub":
                string text;
                var local = new HashSet<string>(StringComparer.Ordinal);
                if (argument is JsonArray { Count: 2 } withMap && withMap[1] is JsonObject map)
                {
                    text = withMap[0]!.ToString();
                    foreach (var (key, _) in map) local.Add(key);
                }
                else if (argument is JsonValue)
                    text = argument.ToString();
                else
                {
                    problems.Add($"{path}: Fn::Sub takes a string or [string, map]");
                    break;
                }
                foreach (var variable in SubVariables(text))
                {
                    var dot = variable.IndexOf('.', StringComparison.Ordinal);
                    var ok = local.Contains(variable) || IsNameable(variable)
                        || (dot > 0 && Resources.ContainsKey(variable[..dot]));
                    if (!ok) problems.Add($"{path}: Fn::Sub variable ${{{variable}}} names no parameter, resource, attribute or map key");
                }
                break;
        }
    }

    /// <summary>The <c>${Name}</c> variables of an Fn::Sub string; <c>${!Literal}</c> is text, not a variable.</summary>
    public static IEnumerable<string> SubVariables(string text) =>
        SubVariablePattern().Matches(text).Select(m => m.Groups[1].Value).Where(v => !v.StartsWith('!'));

    /// <summary>
    /// Evaluates a value the way CloudFormation would for the given names (parameters, pseudo parameters,
    /// <c>Resource</c> and <c>Resource.Attr</c>, export names for Fn::ImportValue): Ref, Fn::Sub, Fn::GetAtt and
    /// Fn::ImportValue; anything unknown throws, so a test cannot pass on a name it did not supply.
    /// </summary>
    public static string Evaluate(JsonNode? node, IReadOnlyDictionary<string, string> names)
    {
        string Lookup(string name) => names.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"No value supplied for '{name}'.");
        return node switch
        {
            JsonValue v => v.ToString(),
            JsonObject o when o["Ref"] is { } r => Lookup(r.ToString()),
            JsonObject o when o["Fn::GetAtt"] is JsonArray a => Lookup($"{a[0]}.{a[1]}"),
            JsonObject o when o["Fn::ImportValue"] is { } i => Lookup("Export:" + Evaluate(i, names)),
            JsonObject o when o["Fn::Sub"] is JsonArray { Count: 2 } a => Substitute(a[0]!.ToString(), name =>
                a[1]!.AsObject().TryGetPropertyValue(name, out var local) ? Evaluate(local, names) : Lookup(name)),
            JsonObject o when o["Fn::Sub"] is JsonValue s => Substitute(s.ToString(), Lookup),
            _ => throw new NotSupportedException($"Cannot evaluate {node?.ToJsonString()}."),
        };
    }

    private static string Substitute(string text, Func<string, string> lookup) =>
        SubVariablePattern().Replace(text, m => m.Groups[1].Value.StartsWith('!') ? "${" + m.Groups[1].Value[1..] + "}" : lookup(m.Groups[1].Value));



    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubVariablePattern();

    [GeneratedRegex(@"^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$")]
    private static partial Regex ResourceTypePattern();
}
