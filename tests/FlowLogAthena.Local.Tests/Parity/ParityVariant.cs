using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// A set of parameters a query is compared with. Every query gets <c>defaults</c>: its required parameters and
/// the shared row cap <c>limit</c> (at its largest, so whole results are compared), the rest at their defaults.
/// A query with optional parameters that have no default also gets <c>with a, b</c>, giving each of them a value,
/// because those parameters switch template branches on (and can switch in SQL DuckDB lacks).
/// </summary>
public sealed record ParityVariant(string Label, IReadOnlyList<QueryParameterDefinition> Given)
{
    public const string Defaults = "defaults";

    public static IReadOnlyList<ParityVariant> For(QueryDefinition query)
    {
        var always = query.Parameters.Where(p => p.Required || p.Name == ParameterSamples.Limit).ToList();
        var optional = query.Parameters.Where(p => !p.Required && p.Default is null).ToList();
        var variants = new List<ParityVariant> { new(Defaults, always) };
        if (optional.Count > 0) variants.Add(new("with " + string.Join(", ", optional.Select(p => p.Name)), [.. always, .. optional]));
        return variants;
    }

    public static ParityVariant Get(QueryDefinition query, string label) => For(query).Single(v => v.Label == label);
}
