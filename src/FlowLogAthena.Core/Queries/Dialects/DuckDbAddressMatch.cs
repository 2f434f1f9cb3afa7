using System.Globalization;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>
/// CIDR matching in plain DuckDB SQL (the inet extension cannot be installed offline), without macros.
/// <para>IPv4: a dotted quad without leading zeros is the one text of its value, so the networks of a list become
/// one regular expression over that text (each network: its fixed octets, the decimal range of a partial octet, any
/// octet for the rest). One regex per row, no conversion and no allocation: converting every address to an integer
/// per network cost 94 s for the 45 networks of one compliance control over 12 M records, this costs under a
/// second, also under NOT, which DuckDB cannot push into the Parquet scan (docs/BENCHMARKS-week.md).</para>
/// <para>IPv6: text that is a valid IPv6 address (hex groups, at most one <c>::</c>, any case) is expanded once to
/// its 32 lower-case hex digits, bound to a lambda parameter (<c>list_transform([value], lambda ipv6: …)[1]</c>)
/// and compared as a string with each network's first and last address expanded the same way: for equal-length
/// hex strings the string order is the numeric order. Text without a colon (every IPv4 address) never gets there.</para>
/// <para>Anything else (NULL, '-', the other family, IPv6 text with an embedded dotted quad) is FALSE.
/// Athena's <c>contains</c> also treats IPv4-mapped IPv6 (<c>::ffff:a.b.c.d</c>) as the IPv4 address; flow
/// logs write IPv4 addresses as dotted quads, so the two dialects agree on flow-log data.</para>
/// </summary>
internal static class DuckDbAddressMatch
{
    /// <summary>One octet: 0–255 without leading zeros.</summary>
    private const string Octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    /// <summary>A full dotted quad whose octets are 0–255 without leading zeros.</summary>
    public const string Ipv4Pattern = Octet + "([.]" + Octet + "){3}";

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
    /// Parquet statistics; the other IPv4 networks share one regex, the IPv6 networks one expansion.
    /// </summary>
    public static string AnyOf(string columnSql, IReadOnlyList<IpNetwork> networks)
    {
        var terms = new List<string>();
        var hosts = networks.Where(n => n.IsIpv4 && n.PrefixLength == 32).Select(n => $"'{n.Network}'").Distinct().ToList();
        if (hosts.Count == 1) terms.Add($"COALESCE({columnSql} = {hosts[0]}, FALSE)");
        else if (hosts.Count > 1) terms.Add($"COALESCE({columnSql} IN ({string.Join(", ", hosts)}), FALSE)");
        var ipv4 = networks.Where(n => n.IsIpv4 && n.PrefixLength < 32).ToList();
        if (ipv4.Count > 0) terms.Add($"COALESCE(regexp_full_match({columnSql}, '{Ipv4NetworksPattern(ipv4)}'), FALSE)");
        var ipv6 = networks.Where(n => !n.IsIpv4).ToList();
        if (ipv6.Count > 0) terms.Add(Ipv6(columnSql, ipv6));
        return terms.Count == 1 ? terms[0] : "(" + string.Join(" OR ", terms) + ")";
    }

    /// <summary>The dotted-quad texts (no leading zeros) of exactly the addresses in any of the IPv4 networks.</summary>
    public static string Ipv4NetworksPattern(IReadOnlyList<IpNetwork> networks)
    {
        var alternatives = networks.Select(Ipv4NetworkPattern).Distinct().ToList();
        return alternatives.Count == 1 ? alternatives[0] : "(" + string.Join('|', alternatives) + ")";
    }

    private static string Ipv4NetworkPattern(IpNetwork network)
    {
        var octets = network.Network.GetAddressBytes();
        var whole = network.PrefixLength / 8;
        var partialBits = network.PrefixLength % 8;
        return string.Join("[.]", Enumerable.Range(0, 4).Select(i =>
            i < whole ? octets[i].ToString(CultureInfo.InvariantCulture)
            : i == whole && partialBits > 0 ? OctetRange(octets[i], octets[i] + (1 << (8 - partialBits)) - 1)
            : Octet));
    }

    /// <summary>A pattern for the decimal numbers <paramref name="low"/>–<paramref name="high"/> (0–255) as written without leading zeros.</summary>
    public static string OctetRange(int low, int high)
    {
        // Numbers of one digit count at a time: within one count, the text order is the numeric order.
        var parts = new List<string>();
        foreach (var (first, last) in new[] { (0, 9), (10, 99), (100, 999) })
        {
            var from = Math.Max(low, first);
            var to = Math.Min(high, last);
            if (from <= to) parts.Add(SameLength(from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture)));
        }
        return "(" + string.Join('|', parts) + ")";
    }

    /// <summary>The digit strings from <paramref name="low"/> to <paramref name="high"/>, both of one length.</summary>
    private static string SameLength(string low, string high)
    {
        if (low == high) return low;
        if (low.Length == 1) return $"[{low}-{high}]";
        if (low[0] == high[0]) return low[0] + Group(SameLength(low[1..], high[1..]));
        var rest = low.Length - 1;
        var parts = new List<string>();
        // low's leading digit with its own tail up to 9…9, the whole leading digits between, high's leading digit up to its tail.
        var lowTailIsZero = low[1..] == new string('0', rest);
        var highTailIsNine = high[1..] == new string('9', rest);
        if (!lowTailIsZero) parts.Add(low[0] + Group(SameLength(low[1..], new string('9', rest))));
        var middleFirst = lowTailIsZero ? low[0] : (char)(low[0] + 1);
        var middleLast = highTailIsNine ? high[0] : (char)(high[0] - 1);
        if (middleFirst <= middleLast)
            parts.Add((middleFirst == middleLast ? $"{middleFirst}" : $"[{middleFirst}-{middleLast}]") + string.Concat(Enumerable.Repeat("[0-9]", rest)));
        if (!highTailIsNine) parts.Add(high[0] + Group(SameLength(new string('0', rest), high[1..])));
        return string.Join('|', parts);
    }

    private static string Group(string pattern) => pattern.Contains('|') ? $"({pattern})" : pattern;

    /// <summary>
    /// The address expanded to 32 hex digits, bound once and compared with every network. Text without a colon
    /// (every IPv4 address) is ruled out before the regex and the expansion.
    /// </summary>
    private static string Ipv6(string columnSql, IReadOnlyList<IpNetwork> networks)
    {
        // The groups before '::' and after it, each zero-padded to 4 digits; '::' stands for the zeros between.
        var before = $"array_to_string(list_transform(list_filter(string_split(split_part(lower({columnSql}), '::', 1), ':'), lambda g: g <> ''), lambda g: lpad(g, 4, '0')), '')";
        var after = $"array_to_string(list_transform(list_filter(string_split(split_part(lower({columnSql}), '::', 2), ':'), lambda g: g <> ''), lambda g: lpad(g, 4, '0')), '')";
        var hex = $"list_transform([[{before}, {after}]], lambda halves: halves[1] || repeat('0', 32 - len(halves[1]) - len(halves[2])) || halves[2])[1]";
        var ranges = networks.Select(n => $"ipv6 BETWEEN '{Hex(n.Network)}' AND '{Hex(n.LastAddress)}'");
        return $"CASE WHEN strpos({columnSql}, ':') > 0 AND regexp_full_match(lower({columnSql}), '{Ipv6Pattern}') "
            + $"THEN list_transform([{hex}], lambda ipv6: {string.Join(" OR ", ranges)})[1] ELSE FALSE END";
    }

    /// <summary>The 32 lower-case hex digits of an IPv6 address.</summary>
    public static string Hex(System.Net.IPAddress address) => Convert.ToHexStringLower(address.GetAddressBytes());
}
