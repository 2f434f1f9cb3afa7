using System.Collections.Frozen;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>The types a query parameter can declare in its front matter (<c>type:</c>).</summary>
public enum QueryParameterType
{
    /// <summary>A calendar day, <c>2026-11-02</c>; rendered as <c>DATE '2026-11-02'</c>.</summary>
    Date,

    /// <summary>An instant (ISO 8601, a date, or Unix seconds); rendered as Unix seconds, like flow-log <c>start</c>/<c>end</c>.</summary>
    Timestamp,

    /// <summary>A 64-bit integer within the declared <c>min</c>/<c>max</c>.</summary>
    Int,

    /// <summary>A TCP/UDP port, 0–65535.</summary>
    Port,

    /// <summary>An IPv4 or IPv6 address, canonicalised; rendered as a string literal.</summary>
    Ip,

    /// <summary>An IPv4 (/0–32) or IPv6 (/0–128) network; host bits are cleared.</summary>
    Cidr,

    /// <summary>One of the declared <c>values</c>.</summary>
    Enum,

    /// <summary>Free text restricted to a conservative safe character set.</summary>
    String,

    /// <summary>Comma-separated items of <c>item_type</c>; rendered as a comma list for <c>IN (…)</c>.</summary>
    List,

    /// <summary>A decimal number with at most six decimal places (a price); rendered as <c>DECIMAL(18, 6)</c> on every engine.</summary>
    Decimal,

    /// <summary>The path of a CSV file whose header has the declared <c>columns</c>; rendered by <c>mapping_table</c> as an inline table.</summary>
    Mapping,
}

/// <summary>The front-matter spelling of each parameter type.</summary>
public static class QueryParameterTypes
{
    private static readonly FrozenDictionary<string, QueryParameterType> ByName =
        Enum.GetValues<QueryParameterType>().ToFrozenDictionary(t => t.ToName(), StringComparer.Ordinal);

    /// <summary>All type names, in declaration order, for error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<QueryParameterType>().Select(t => t.ToName()).ToArray();

    public static string ToName(this QueryParameterType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out QueryParameterType type) => ByName.TryGetValue(name, out type);
}
