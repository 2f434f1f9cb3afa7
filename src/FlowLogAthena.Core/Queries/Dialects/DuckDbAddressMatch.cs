using System.Globalization;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>
/// CIDR matching in plain DuckDB SQL (the inet extension cannot be installed offline), without macros.
/// <para>IPv4: text that is a dotted quad (0–255, no leading zeros) becomes its 32-bit integer, compared with
/// the network's first and last address.</para>
/// <para>IPv6: text that is a valid IPv6 address (hex groups, at most one <c>::</c>, any case) is expanded to
/// its 32 lower-case hex digits, compared as a string with the network's first and last address expanded the
/// same way: for equal-length hex strings the string order is the numeric order.</para>
/// <para>Anything else (NULL, '-', the other family, IPv6 text with an embedded dotted quad) is FALSE.
/// Athena's <c>contains</c> also treats IPv4-mapped IPv6 (<c>::ffff:a.b.c.d</c>) as the IPv4 address; flow
/// logs write IPv4 addresses as dotted quads, so the two dialects agree on flow-log data.</para>
/// </summary>
internal static class DuckDbAddressMatch
{
    /// <summary>A full dotted quad whose octets are 0–255 without leading zeros.</summary>
    public const string Ipv4Pattern =
        "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])([.](25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}";

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
    /// A dotted quad without leading zeros is the one text of its value, so a /32 is a plain text comparison, and
    /// a network's whole leading octets are a text prefix: a cheap LIKE skips the regex and arithmetic for the
    /// rows that cannot match (most of them, when following one address or subnet over a day of records).
    /// </summary>
    public static string Ipv4(string columnSql, IpNetwork network)
    {
        var quad = network.Network.ToString();
        if (network.PrefixLength == 32) return $"COALESCE({columnSql} = '{quad}', FALSE)";
        var fixedOctets = network.PrefixLength / 8;
        var prefilter = fixedOctets == 0 ? "" : $"{columnSql} LIKE '{string.Join('.', quad.Split('.').Take(fixedOctets))}.%' AND ";
        var octets = Enumerable.Range(1, 4).Select(i =>
            $"CAST(split_part({columnSql}, '.', {i}) AS BIGINT){(i < 4 ? " * " + (1L << (8 * (4 - i))).ToString(CultureInfo.InvariantCulture) : "")}");
        var value = $"CASE WHEN {prefilter}regexp_full_match({columnSql}, '{Ipv4Pattern}') THEN {string.Join(" + ", octets)} END";
        var first = IpNetwork.ToInteger(network.Network).ToString(CultureInfo.InvariantCulture);
        var last = IpNetwork.ToInteger(network.LastAddress).ToString(CultureInfo.InvariantCulture);
        return $"COALESCE(({value}) BETWEEN {first} AND {last}, FALSE)";
    }

    public static string Ipv6(string columnSql, IpNetwork network)
    {
        var text = $"lower({columnSql})";
        // '::' stands for as many zero groups as the address lacks; trim drops the ':' left at either end.
        var groups = $"trim(replace({text}, '::', ':' || repeat('0:', 8 - len(regexp_extract_all({text}, '[0-9a-f]+')))), ':')";
        var hex = string.Join(" || ", Enumerable.Range(1, 8).Select(i => $"lpad(split_part({groups}, ':', {i}), 4, '0')"));
        // Text without a colon (every IPv4 address) is skipped before the regex, and so is text whose first group
        // lies outside the network's (see FirstGroupPrefilter): with many networks, most rows fail the cheap test.
        var value = $"CASE WHEN strpos({columnSql}, ':') > 0{FirstGroupPrefilter(columnSql, network)} AND regexp_full_match({text}, '{Ipv6Pattern}') THEN {hex} END";
        return $"COALESCE(({value}) BETWEEN '{Hex(network.Network)}' AND '{Hex(network.LastAddress)}', FALSE)";
    }

    /// <summary>
    /// The first 16 bits of any address in the network lie in a range; the text's first group (the hex digits
    /// before the first colon, none when it starts with <c>::</c>, meaning 0) is cheap to read, so a row outside
    /// that range is ruled out before the regex and the expansion. Malformed text may pass; the regex still decides.
    /// </summary>
    private static string FirstGroupPrefilter(string columnSql, IpNetwork network)
    {
        if (network.PrefixLength == 0) return "";
        var bytes = network.Network.GetAddressBytes();
        var last = network.LastAddress.GetAddressBytes();
        var low = (bytes[0] << 8) | bytes[1];
        var high = (last[0] << 8) | last[1];
        var group = $"COALESCE(TRY_CAST('0x' || split_part({columnSql}, ':', 1) AS INTEGER), 0)";
        return low == high
            ? $" AND {group} = {low.ToString(CultureInfo.InvariantCulture)}"
            : $" AND {group} BETWEEN {low.ToString(CultureInfo.InvariantCulture)} AND {high.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The 32 lower-case hex digits of an IPv6 address.</summary>
    public static string Hex(System.Net.IPAddress address) => Convert.ToHexStringLower(address.GetAddressBytes());
}
