using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>An IPv4 or IPv6 network in CIDR form, with its host bits cleared.</summary>
public sealed record IpNetwork
{
    private IpNetwork(IPAddress network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The first address of the network (host bits zero).</summary>
    public IPAddress Network { get; }

    public int PrefixLength { get; }

    public bool IsIpv4 => Network.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>Address width in bits: 32 or 128.</summary>
    public int Width => IsIpv4 ? 32 : 128;

    /// <summary>The last address of the network (host bits one).</summary>
    public IPAddress LastAddress => ToAddress(ToInteger(Network) | HostMask(Width, PrefixLength), IsIpv4);

    /// <summary>
    /// Parses <c>address/prefix</c>; false when either part is malformed or the prefix exceeds the family's width.
    /// An IPv4-mapped IPv6 network inside <c>::ffff:0:0/96</c> (<c>::ffff:10.0.0.0/104</c>) is its IPv4 network (<c>10.0.0.0/8</c>).
    /// </summary>
    public static bool TryParse(string text, out IpNetwork network)
    {
        network = null!;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash != text.LastIndexOf('/')) return false;
        var prefixText = text[(slash + 1)..];
        if (prefixText.Length is 0 or > 3 || !prefixText.All(char.IsAsciiDigit)) return false;
        if (!IpAddressText.TryParse(text[..slash], out var address, out var mapped)) return false;
        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (mapped)
        {
            // Only prefixes inside ::ffff:0:0/96 name IPv4 networks; a shorter one spans more than IPv4 and stays IPv6.
            if (prefix >= 96) prefix -= 96;
            else address = address.MapToIPv6();
        }
        var ipv4 = address.AddressFamily == AddressFamily.InterNetwork;
        if (prefix > (ipv4 ? 32 : 128)) return false;
        network = Create(address, prefix);
        return true;
    }

    /// <summary>The network of one address (/32 or /128).</summary>
    public static IpNetwork Single(IPAddress address) =>
        Create(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);

    private static IpNetwork Create(IPAddress address, int prefix)
    {
        var ipv4 = address.AddressFamily == AddressFamily.InterNetwork;
        var first = ToInteger(address) & ~HostMask(ipv4 ? 32 : 128, prefix);
        return new IpNetwork(ToAddress(first, ipv4), prefix);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Network.AddressFamily) return false;
        var value = ToInteger(address);
        return value >= ToInteger(Network) && value <= ToInteger(LastAddress);
    }

    /// <summary>Canonical CIDR text, e.g. <c>10.0.0.0/8</c> or <c>2001:db8::/32</c>.</summary>
    public override string ToString() => $"{IpAddressText.Format(Network)}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The address as an unsigned big-endian integer (32 or 128 bits).</summary>
    public static BigInteger ToInteger(IPAddress address) =>
        new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static BigInteger HostMask(int width, int prefix) => (BigInteger.One << (width - prefix)) - 1;

    private static IPAddress ToAddress(BigInteger value, bool ipv4)
    {
        var size = ipv4 ? 4 : 16;
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[size];
        bytes.CopyTo(padded, size - bytes.Length);
        return new IPAddress(padded);
    }
}
