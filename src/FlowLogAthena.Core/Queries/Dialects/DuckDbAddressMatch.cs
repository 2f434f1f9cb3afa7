using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>
/// CIDR matching in plain DuckDB SQL (the inet extension cannot be installed offline), without macros: the networks
/// of a list become regular expressions over the address text (<see cref="AddressTextPatterns"/>), one for the IPv4
/// networks and one for the IPv6 ones, beside the check that the text is an address of that family: one pass of
/// RE2 over each record's text, with no conversion to a number, which cost far more per row (DESIGN.md, Known
/// limits, has the measurements).
/// <para>Anything else (NULL, '-', the other family, IPv6 text with an embedded dotted quad) is FALSE.
/// Athena's <c>contains</c> also treats IPv4-mapped IPv6 (<c>::ffff:a.b.c.d</c>) as the IPv4 address; flow
/// logs write IPv4 addresses as dotted quads, so the two dialects agree on flow-log data.</para>
/// </summary>
internal static class DuckDbAddressMatch
{
    /// <summary>A full dotted quad whose octets are 0–255 without leading zeros.</summary>
    public const string Ipv4Pattern = AddressTextPatterns.Octet + "([.]" + AddressTextPatterns.Octet + "){3}";

    /// <summary>A full lower-case IPv6 address (RFC 4291 text forms without an embedded IPv4 part or zone).</summary>
    public const string Ipv6Pattern =
        "([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}"
        + "|([0-9a-f]{1,4}:){1,7}:"
        + "|([0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}"
        + "|([0-9a-f]{1,4}:){1,5}(:[0-9a-f]{1,4}){1,2}"
        + "|([0-9a-f]{1,4}:){1,4}(:[0-9a-f]{1,4}){1,3}"
        + "|([0-9a-f]{1,4}:){1,3}(:[0-9a-f]{1,4}){1,4}"
        + "|([0-9a-f]{1,4}:){1,2}(:[0-9a-f]{1,4}){1,5}"
        + "|[0-9a-f]{1,4}:(:[0-9a-f]{1,4}){1,6}"
        + "|:((:[0-9a-f]{1,4}){1,7}|:)";

    /// <summary>
    /// TRUE when the address text lies in any of the networks, FALSE otherwise (never NULL). IPv4 hosts (/32) are
    /// text comparisons, so following one address stays a plain string filter DuckDB can check against the
    /// Parquet statistics. The IPv4 networks' pattern itself only matches dotted quads; IPv6 text is lower-cased and
    /// checked as an address, and text without a colon (every IPv4 address) never gets that far.
    /// </summary>
    public static string AnyOf(string columnSql, IReadOnlyList<IpNetwork> networks)
    {
        var terms = new List<string>();
        var hosts = networks.Where(n => n.IsIpv4 && n.PrefixLength == 32).Select(n => $"'{n.Network}'").Distinct().ToList();
        if (hosts.Count == 1) terms.Add($"COALESCE({columnSql} = {hosts[0]}, FALSE)");
        else if (hosts.Count > 1) terms.Add($"COALESCE({columnSql} IN ({string.Join(", ", hosts)}), FALSE)");
        var ipv4 = networks.Where(n => n.IsIpv4 && n.PrefixLength < 32).ToList();
        if (ipv4.Count > 0) terms.Add($"COALESCE(regexp_full_match({columnSql}, '{AddressTextPatterns.Ipv4Networks(ipv4)}'), FALSE)");
        var ipv6 = networks.Where(n => !n.IsIpv4).ToList();
        if (ipv6.Count > 0)
        {
            var inside = ipv6.Any(n => n.PrefixLength == 0) ? "" : $" AND regexp_full_match(lower({columnSql}), '{AddressTextPatterns.Ipv6Networks(ipv6)}')";
            terms.Add($"COALESCE(strpos({columnSql}, ':') > 0 AND regexp_full_match(lower({columnSql}), '{Ipv6Pattern}'){inside}, FALSE)");
        }
        return terms.Count == 1 ? terms[0] : "(" + string.Join(" OR ", terms) + ")";
    }
}
