namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>
/// Address text as the 32 upper-case hex digits of its 16 bytes (IPv4 as <c>::ffff:a.b.c.d</c>), in plain DuckDB SQL:
/// what Trino gets from <c>to_hex(CAST(TRY_CAST(x AS IPADDRESS) AS VARBINARY))</c>, without the inet extension (not
/// available offline). NULL for anything that is not a dotted quad or IPv6 hex groups (at most one <c>::</c>, standing
/// for at least one group); like <see cref="DuckDbAddressMatch"/>, an IPv6 text with an embedded dotted quad is not read.
/// </summary>
internal static class DuckDbAddressHex
{
    private const string Octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    public static string Of(string x)
    {
        string OctetValue(int n) => $"CAST(split_part({x}, '.', {n}) AS INTEGER)";
        string Groups(int part) =>
            $"CASE WHEN split_part({x}, '::', {part}) = '' THEN []::VARCHAR[] ELSE string_split(split_part({x}, '::', {part}), ':') END";
        var ipv4 = $"'00000000000000000000FFFF' || printf('%02X%02X%02X%02X', {OctetValue(1)}, {OctetValue(2)}, {OctetValue(3)}, {OctetValue(4)})";
        // The groups written on either side of '::', and the zero groups it stands for.
        var ipv6 = "(SELECT CASE WHEN len(g) = 8 AND list_bool_and(list_transform(g, s -> regexp_full_match(s, '[0-9A-Fa-f]{1,4}')))"
            + " THEN upper(array_to_string(list_transform(g, s -> lpad(s, 4, '0')), '')) END"
            + " FROM (SELECT CASE WHEN NOT c THEN string_split(" + x + ", ':')"
            + " WHEN len(l) + len(r) <= 7 THEN list_concat(l, list_transform(range(8 - len(l) - len(r)), i -> '0'), r) END AS g"
            + $" FROM (SELECT strpos({x}, '::') > 0 AS c, {Groups(1)} AS l, {Groups(2)} AS r)))";
        return $"CASE WHEN regexp_full_match({x}, '{Octet}(\\.{Octet}){{3}}') THEN {ipv4}"
            + $" WHEN regexp_full_match({x}, '[0-9A-Fa-f:]{{2,39}}') AND len(string_split({x}, '::')) <= 2 THEN {ipv6} END";
    }
}
