using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Formats;

/// <summary>An ordered list of fields, as named by a flow log's LogFormat string <c>${a} ${b} …</c>.</summary>
public sealed partial class FlowLogFormat
{
    /// <summary>AWS's default format: the 14 version-2 fields.</summary>
    public const string DefaultFormatString =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    public static FlowLogFormat Default { get; } = Parse(DefaultFormatString);

    /// <summary>Every VPC flow log field, in AWS's order: the widest VPC format there is (the demo's, and the tests').</summary>
    public static FlowLogFormat AllVpcFields { get; } = new(FieldCatalog.Vpc.ToList(), FlowLogKind.Vpc);

    /// <summary>A Transit Gateway flow log's format when it was created without one: all its 36 fields, in AWS's order.</summary>
    public static FlowLogFormat TransitGatewayDefault { get; } = new(FieldCatalog.TransitGateway.ToList(), FlowLogKind.TransitGateway);

    /// <summary>Every field a flow log of this kind can have, in AWS's order: what serves every query of that kind.</summary>
    public static FlowLogFormat AllFieldsOf(FlowLogKind kind) => kind == FlowLogKind.TransitGateway ? TransitGatewayDefault : AllVpcFields;

    /// <summary>The format a flow log of this kind has when created without one: AWS's v2 default, or all Transit Gateway fields.</summary>
    public static FlowLogFormat DefaultOf(FlowLogKind kind) => kind == FlowLogKind.TransitGateway ? TransitGatewayDefault : Default;

    private readonly HashSet<string> _names;

    private FlowLogFormat(IReadOnlyList<FlowLogField> fields, FlowLogKind kind)
    {
        Fields = fields;
        Kind = kind;
        _names = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<FlowLogField> Fields { get; }

    /// <summary>
    /// The kind of flow log with this format: Transit Gateway when a field only Transit Gateway flow logs have is in
    /// it, else VPC (a format of shared fields alone, e.g. addresses and counts, reads as a VPC flow log).
    /// </summary>
    public FlowLogKind Kind { get; }

    /// <summary>The format string in canonical form (single spaces).</summary>
    public string FormatString => string.Join(' ', Fields.Select(f => "${" + f.Name + "}"));

    /// <summary>The version AWS writes in the version field: the highest version among the fields.</summary>
    public int RecordVersion => Fields.Max(f => f.Version);

    public bool Contains(string fieldName) => _names.Contains(fieldName);

    public int IndexOf(string fieldName)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == fieldName) return i;
        return -1;
    }

    /// <summary>Parses a format string; null or blank gives the default format.</summary>
    /// <exception cref="FlowLogFormatException">Names the offending token and suggests the nearest field.</exception>
    public static FlowLogFormat Parse(string? format)
    {
        if (string.IsNullOrWhiteSpace(format)) return Default;

        var fields = new List<FlowLogField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = format.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var match = TokenPattern().Match(token);
            if (!match.Success)
                throw new FlowLogFormatException(
                    $"Format token {i + 1} '{token}' is not of the form ${{field-name}}; fields are separated by spaces, e.g. \"${{srcaddr}} ${{dstaddr}}\".");
            var name = match.Groups[1].Value;
            if (!FieldCatalog.TryGet(name, out var field))
                throw new FlowLogFormatException(UnknownFieldMessage(name));
            if (!seen.Add(name))
                throw new FlowLogFormatException($"Field '{name}' appears more than once in the format (token {i + 1}).");
            fields.Add(field);
        }
        return new FlowLogFormat(fields, KindOf(fields));
    }

    /// <summary>A format is of one kind: a field of the other kind's own, beside one of this kind's own, is refused by name.</summary>
    private static FlowLogKind KindOf(IReadOnlyList<FlowLogField> fields)
    {
        var transitGatewayOnly = fields.FirstOrDefault(f => !FlowLogKind.Vpc.Has(f));
        if (transitGatewayOnly is null) return FlowLogKind.Vpc;
        var vpcOnly = fields.FirstOrDefault(f => !FlowLogKind.TransitGateway.Has(f));
        return vpcOnly is null
            ? FlowLogKind.TransitGateway
            : throw new FlowLogFormatException(
                $"The format mixes '{vpcOnly.Name}', a field only VPC flow logs have, with '{transitGatewayOnly.Name}', a field only Transit Gateway "
                + "flow logs have; a flow log is one or the other. Run `flowlog-athena fields` to see which fields each has.");
    }

    /// <summary>The message for a field name the catalog lacks: suggestion, and misconception note when known.</summary>
    public static string UnknownFieldMessage(string name)
    {
        var message = $"Unknown flow log field '{name}'.";
        if (FieldCatalog.Misconceptions.TryGetValue(name, out var note)) message += $" {note}.";
        var suggestion = FieldCatalog.Suggest(name);
        if (suggestion is not null) message += $" Did you mean '{suggestion}'?";
        return message + " Run `flowlog-athena fields` for the list of valid fields.";
    }

    public override string ToString() => FormatString;

    [GeneratedRegex(@"^\$\{([^{}\s]+)\}$")]
    private static partial Regex TokenPattern();
}
