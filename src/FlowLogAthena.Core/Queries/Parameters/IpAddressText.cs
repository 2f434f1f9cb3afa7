using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// Strict IP address text: <see cref="IPAddress.TryParse(string, out IPAddress)"/> alone accepts forms such as
/// <c>10.1</c> or <c>1</c> that nobody means as an address, so IPv4 must be a dotted quad here.
/// </summary>
public static partial class IpAddressText
{
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (Ipv4Pattern().IsMatch(text))
        {
            address = IPAddress.Parse(text);
            return true;
        }
        // IPv6: hex groups and colons, optionally an embedded dotted quad; no zone (%eth0) and no brackets.
        if (!text.Contains(':', StringComparison.Ordinal) || !Ipv6Characters().IsMatch(text)) return false;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6) return false;
        address = parsed;
        return true;
    }

    /// <summary>Canonical text: dotted quad for IPv4, RFC 5952 (lower case, longest zero run as ::) for IPv6.</summary>
    public static string Format(IPAddress address) => address.ToString();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"^[0-9A-Fa-f:.]{2,45}$")]
    private static partial Regex Ipv6Characters();
}
