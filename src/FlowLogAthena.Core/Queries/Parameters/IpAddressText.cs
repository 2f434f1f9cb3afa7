using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// Strict IP address text: <see cref="IPAddress.TryParse(string, out IPAddress)"/> alone accepts forms such as
/// <c>10.1</c> or <c>1</c> that nobody means as an address, so IPv4 must be a dotted quad here. An IPv4-mapped
/// IPv6 address (<c>::ffff:10.0.0.1</c>) is the IPv4 address it maps: flow logs write IPv4 as dotted quads, and
/// Trino's <c>contains</c> needs a plain IPv4 network to match them.
/// </summary>
internal static partial class IpAddressText
{
    public static bool TryParse(string text, out IPAddress address) => TryParse(text, out address, out _);

    /// <param name="mapped">True when the text was an IPv4-mapped IPv6 address, returned as IPv4.</param>
    public static bool TryParse(string text, out IPAddress address, out bool mapped)
    {
        address = IPAddress.None;
        mapped = false;
        if (Ipv4Pattern().IsMatch(text))
        {
            address = IPAddress.Parse(text);
            return true;
        }
        // IPv6: hex groups and colons, optionally an embedded dotted quad; no zone (%eth0) and no brackets.
        if (!text.Contains(':', StringComparison.Ordinal) || !Ipv6Characters().IsMatch(text)) return false;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6) return false;
        mapped = parsed.IsIPv4MappedToIPv6;
        address = mapped ? parsed.MapToIPv4() : parsed;
        return true;
    }

    /// <summary>Canonical text: dotted quad for IPv4, RFC 5952 (lower case, longest zero run as ::) for IPv6.</summary>
    public static string Format(IPAddress address) => address.ToString();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"^[0-9A-Fa-f:.]{2,45}$")]
    private static partial Regex Ipv6Characters();
}
