using System.Globalization;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>
/// Regular expressions (RE2 and .NET alike: no backslash, no quote, no lookaround) over the text of addresses that
/// match exactly the addresses inside networks, so that matching a record against a whole list of networks is one
/// pass over its text, with no conversion. Each expects its text already validated as an address of its family
/// (<see cref="DuckDbAddressMatch.Ipv4Pattern"/>, <see cref="DuckDbAddressMatch.Ipv6Pattern"/> on lower-case text).
/// </summary>
internal static class AddressTextPatterns
{
    /// <summary>One octet: 0–255 without leading zeros.</summary>
    public const string Octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    private const string AnyGroup = "[0-9a-f]{1,4}";

    /// <summary>
    /// The dotted quads of the IPv4 networks: each network's fixed octets, the decimal range of a partial octet, any
    /// octet for the rest. A dotted quad without leading zeros is the one text of its value, so this is exact.
    /// </summary>
    public static string Ipv4Networks(IReadOnlyList<IpNetwork> networks) => Alternation(networks.Select(Ipv4Network));

    private static string Ipv4Network(IpNetwork network)
    {
        var octets = network.Network.GetAddressBytes();
        return string.Join("[.]", Enumerable.Range(0, 4).Select(i =>
        {
            var (low, high) = FieldRange(octets[i], network.PrefixLength - 8 * i, 8);
            return low == 0 && high == 255 ? Octet : low == high ? Decimal(low) : NumberRange(low, high, 10);
        }));
    }

    /// <summary>
    /// The lower-case IPv6 texts of the networks. A network fixes its first <c>c</c> groups (the last one maybe only
    /// in part). A text writes those groups out before any <c>::</c> (then a colon follows them unless all eight are
    /// fixed), or its <c>::</c> stands for some of them — only possible when they are zero — with the groups after
    /// it counted from the end: every such shape is spelled out, with the fixed groups' values (any leading zeros).
    /// </summary>
    public static string Ipv6Networks(IReadOnlyList<IpNetwork> networks) => Alternation(networks.SelectMany(Ipv6Network));

    private static IEnumerable<string> Ipv6Network(IpNetwork network)
    {
        if (network.PrefixLength == 0)
        {
            yield return ".*";
            yield break;
        }
        var bytes = network.Network.GetAddressBytes();
        var ranges = Enumerable.Range(0, 8).Select(i => FieldRange((bytes[2 * i] << 8) | bytes[(2 * i) + 1], network.PrefixLength - (16 * i), 16)).ToArray();
        var fixedGroups = (network.PrefixLength + 15) / 16;
        var head = string.Join(':', ranges.Take(fixedGroups).Select(Group));
        yield return fixedGroups == 8 ? head : head + ":.*";
        // '::' before the last fixed group: `left` groups, then zeros, then `right` groups to the end.
        for (var left = 0; left < fixedGroups; left++)
        {
            for (var right = 0; left + right <= 7; right++)
            {
                var zeros = Enumerable.Range(left, 8 - left - right);
                if (zeros.Any(i => ranges[i].Low != 0)) continue;
                yield return string.Join(':', ranges.Take(left).Select(Group)) + "::" + string.Join(':', ranges.Skip(8 - right).Select(Group));
            }
        }
    }

    /// <summary>One group's text: any leading zeros, then the hex digits of a value in the range.</summary>
    private static string Group((int Low, int High) range) => range is (0, 0xffff)
        ? AnyGroup
        : "0*" + (range.Low == range.High ? range.Low.ToString("x", CultureInfo.InvariantCulture) : NumberRange(range.Low, range.High, 16));

    /// <summary>The values a field (octet or group) of <paramref name="width"/> bits may take when <paramref name="fixedBits"/> of it are fixed.</summary>
    private static (int Low, int High) FieldRange(int value, int fixedBits, int width)
    {
        var hostBits = width - Math.Clamp(fixedBits, 0, width);
        var low = value >> hostBits << hostBits;
        return (low, low + (1 << hostBits) - 1);
    }

    /// <summary>
    /// The numbers <paramref name="low"/>–<paramref name="high"/> written in <paramref name="radix"/> (10, or 16 in
    /// lower case) without leading zeros.
    /// </summary>
    public static string NumberRange(int low, int high, int radix)
    {
        // One digit count at a time: within one count, the text order is the numeric order.
        var parts = new List<string>();
        for (int first = 0, last = radix - 1; first <= high; first = last + 1, last = (last * radix) + radix - 1)
        {
            var from = Math.Max(low, first);
            var to = Math.Min(high, last);
            if (from <= to) parts.Add(SameLength(Digits(from, radix), Digits(to, radix), radix));
        }
        return "(" + string.Join('|', parts) + ")";
    }

    /// <summary>The digit strings from <paramref name="low"/> to <paramref name="high"/>, both of one length.</summary>
    private static string SameLength(string low, string high, int radix)
    {
        if (low == high) return low;
        if (low.Length == 1) return DigitClass(low[0], high[0]);
        if (low[0] == high[0]) return low[0] + Grouped(SameLength(low[1..], high[1..], radix));
        var rest = low.Length - 1;
        var zeros = new string('0', rest);
        var nines = new string(Digit(radix - 1), rest);
        var parts = new List<string>();
        // low's leading digit up to …99, the whole leading digits between, high's leading digit from 00….
        if (low[1..] != zeros) parts.Add(low[0] + Grouped(SameLength(low[1..], nines, radix)));
        var middleFirst = low[1..] == zeros ? low[0] : Digit(Value(low[0]) + 1);
        var middleLast = high[1..] == nines ? high[0] : Digit(Value(high[0]) - 1);
        if (Value(middleFirst) <= Value(middleLast))
            parts.Add(DigitClass(middleFirst, middleLast) + string.Concat(Enumerable.Repeat(DigitClass('0', Digit(radix - 1)), rest)));
        if (high[1..] != nines) parts.Add(high[0] + Grouped(SameLength(zeros, high[1..], radix)));
        return string.Join('|', parts);
    }

    /// <summary>A class of the digits from <paramref name="first"/> to <paramref name="last"/>, e.g. [3-9a-c].</summary>
    private static string DigitClass(char first, char last)
    {
        if (first == last) return first.ToString();
        var decimals = Value(first) <= 9 ? $"{first}-{Digit(Math.Min(9, Value(last)))}" : "";
        var letters = Value(last) >= 10 ? $"{Digit(Math.Max(10, Value(first)))}-{last}" : "";
        return $"[{decimals}{letters}]";
    }

    private static string Grouped(string pattern) => pattern.Contains('|') ? $"({pattern})" : pattern;

    private static string Alternation(IEnumerable<string> patterns)
    {
        var distinct = patterns.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : "(" + string.Join('|', distinct) + ")";
    }

    private static string Digits(int value, int radix) => radix == 16 ? value.ToString("x", CultureInfo.InvariantCulture) : Decimal(value);

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    private static int Value(char digit) => digit <= '9' ? digit - '0' : digit - 'a' + 10;
}
