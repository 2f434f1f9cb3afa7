namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>One entry of a query's <c>parameters:</c> front matter.</summary>
public sealed record QueryParameterDefinition
{
    /// <summary>Name used in <c>--param name=value</c> and in the template's <c>param 'name'</c>.</summary>
    public required string Name { get; init; }

    public required QueryParameterType Type { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Inclusive lower bound for <c>int</c> and <c>decimal</c> values (or such list items).</summary>
    public long? Min { get; init; }

    /// <summary>Inclusive upper bound for <c>int</c> and <c>decimal</c> values (or such list items).</summary>
    public long? Max { get; init; }

    /// <summary>The allowed values of an <c>enum</c> (or <c>enum</c> list items); of a <c>mapping</c>, its allowed keys.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The header columns a <c>mapping</c> CSV must have, key column first.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The columns of a <c>mapping</c> whose cells must be decimal numbers (within <see cref="Min"/> and <see cref="Max"/>).</summary>
    public IReadOnlyList<string> DecimalColumns { get; init; } = [];

    /// <summary>The item type of a <c>list</c>; never <c>list</c> itself.</summary>
    public QueryParameterType? ItemType { get; init; }

    /// <summary>True when the caller must give a value (a required parameter has no default).</summary>
    public bool Required { get; init; }

    /// <summary>The validated default, used when the caller gives no value.</summary>
    public ParameterValue? Default { get; init; }

    /// <summary>What a valid value looks like, in words, e.g. "an integer from 1 to 100000".</summary>
    public string Expected => ParameterParser.Describe(this);
}
