using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// The address-text patterns, run by .NET's regex engine (the patterns use only what RE2 and .NET read alike),
/// against <see cref="IpNetwork.Contains"/> on every text form an address can take: the DuckDB rendering runs them
/// through RE2 in Local.Tests/CidrMatchOnDuckDbTests.
/// </summary>
public sealed class AddressTextPatternsTests
{
    private static IpNetwork Net(string text) => IpNetwork.TryParse(text, out var network) ? network : throw new ArgumentException(text);

    /// <summary>Every octet range a network can leave (an aligned block of 2^k values) matches exactly its numbers.</summary>
    [Fact]
    public void Decimal_ranges_match_exactly_their_numbers_without_leading_zeros()
    {
        var texts = Enumerable.Range(0, 300).Select(v => v.ToString(CultureInfo.InvariantCulture)).Concat(["00", "01", "007", "999", "1000", ""]).ToList();
        for (var bits = 0; bits <= 8; bits++)
        {
            for (var low = 0; low < 256; low += 1 << bits)
            {
                AssertExact(low, low + (1 << bits) - 1, 10, texts);
            }
        }
        AssertExact(7, 213, 10, texts);
    }

    [Fact]
    public void Hex_ranges_match_exactly_their_numbers_without_leading_zeros()
    {
        var random = new Random(12);
        var texts = Enumerable.Range(0, 0x1100).Concat(Enumerable.Range(0, 3000).Select(_ => random.Next(0x10000))).Concat([0xfffe, 0xffff])
            .Select(v => v.ToString("x", CultureInfo.InvariantCulture)).Concat(["0a", "00", "10000", "g", ""]).ToList();
        for (var bits = 0; bits <= 16; bits++)
        {
            foreach (var block in new[] { 0, (0xffff >> bits) / 2, 0xffff >> bits }.Distinct())
            {
                AssertExact(block << bits, (block << bits) + (1 << bits) - 1, 16, texts);
            }
        }
        AssertExact(0x9, 0xa0, 16, texts);
        AssertExact(0x1f18, 0x1f18, 16, texts);
    }

    private static void AssertExact(int low, int high, int radix, IReadOnlyList<string> texts)
    {
        var pattern = AddressTextPatterns.NumberRange(low, high, radix);
        var regex = new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
        var wrong = texts.Where(t => regex.IsMatch(t) != InRange(t, low, high, radix)).ToList();
        Assert.True(wrong.Count == 0, $"{low}-{high} in base {radix} ({pattern}): {string.Join(", ", wrong.Take(10))}");
    }

    private static bool InRange(string text, int low, int high, int radix) =>
        text.Length > 0 && (text == "0" || text[0] != '0')
        && int.TryParse(text, radix == 16 ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value >= low && value <= high;

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("172.16.0.0/12")]
    [InlineData("192.168.0.0/17")]
    [InlineData("100.64.0.0/10")]
    [InlineData("54.243.31.192/26")]
    [InlineData("10.1.2.2/31")]
    [InlineData("0.0.0.0/0")]
    [InlineData("203.0.113.7/32")]
    public void Ipv4_networks_match_exactly_the_dotted_quads_inside(string cidr)
    {
        var network = Net(cidr);
        var regex = new Regex($"^{AddressTextPatterns.Ipv4Networks([network])}$");
        var first = (uint)IpNetwork.ToInteger(network.Network);
        var last = (uint)IpNetwork.ToInteger(network.LastAddress);
        var random = new Random(3);
        var values = new[] { first, last, first - 1, last + 1, 0u, uint.MaxValue }
            .Concat(Enumerable.Range(0, 400).Select(_ => first + (uint)random.NextInt64(last - first + 1L)))
            .Concat(Enumerable.Range(0, 400).Select(_ => (uint)random.NextInt64(1L << 32)));
        var wrong = values.Select(v => new IPAddress(BitConverter.GetBytes(v).Reverse().ToArray()))
            .Where(a => regex.IsMatch(a.ToString()) != network.Contains(a)).Select(a => a.ToString()).ToList();
        Assert.True(wrong.Count == 0, $"{cidr}: {string.Join(", ", wrong.Take(10))}");
    }

    [Fact]
    public void Ipv4_lists_match_any_of_their_networks()
    {
        var networks = new[] { "10.0.0.0/8", "172.16.0.0/12", "3.5.0.0/19", "198.51.100.80/28" }.Select(Net).ToList();
        var regex = new Regex($"^{AddressTextPatterns.Ipv4Networks(networks)}$");

        foreach (var text in new[] { "10.9.9.9", "172.31.255.255", "3.5.31.1", "198.51.100.95" }) Assert.Matches(regex, text);
        foreach (var text in new[] { "11.0.0.0", "172.32.0.0", "3.5.32.0", "198.51.100.96", "010.0.0.1", "10.0.0" }) Assert.DoesNotMatch(regex, text);
    }

    [Theory]
    [InlineData("2001:db8::/32")]
    [InlineData("2600:1f18::/32")]
    [InlineData("fc00::/7")]
    [InlineData("2001:db8:0:0:8000::/65")]
    [InlineData("2001:0:0:1::/64")]
    [InlineData("0:5::/32")]
    [InlineData("::/16")]
    [InlineData("::1/128")]
    [InlineData("2001:db8::1/128")]
    [InlineData("2001:db8:0:1:0:0:0:0/127")]
    [InlineData("a::/16")]
    [InlineData("8000::/1")]
    [InlineData("::/0")]
    public void Ipv6_networks_match_every_text_form_of_exactly_the_addresses_inside(string cidr)
    {
        var network = Net(cidr);
        var regex = new Regex($"^{AddressTextPatterns.Ipv6Networks([network])}$");
        var random = new Random(cidr.Length);
        var wrong = new List<string>();
        foreach (var address in Candidates(network, random))
        {
            foreach (var text in TextForms(address, random))
            {
                if (regex.IsMatch(text) != network.Contains(address)) wrong.Add($"{text} (inside: {network.Contains(address)})");
            }
        }
        Assert.True(wrong.Count == 0, $"{cidr}: {string.Join(", ", wrong.Take(10))}");
    }

    [Fact]
    public void Ipv6_lists_match_any_of_their_networks()
    {
        var networks = new[] { "2001:db8::/32", "2600:1f18::/32", "fc00::/7" }.Select(Net).ToList();
        var regex = new Regex($"^{AddressTextPatterns.Ipv6Networks(networks)}$");

        foreach (var text in new[] { "2001:db8::1", "2600:1f18:1:2:3:4:5:6", "fd00::", "fcff:0:0:0:0:0:0:1" }) Assert.Matches(regex, text);
        foreach (var text in new[] { "2001:db9::1", "2600:1f19::", "fe00::", "::1" }) Assert.DoesNotMatch(regex, text);
    }

    /// <summary>Addresses inside (both ends, random) and just outside the network, and random ones with zero groups.</summary>
    private static IEnumerable<IPAddress> Candidates(IpNetwork network, Random random)
    {
        var first = IpNetwork.ToInteger(network.Network);
        var last = IpNetwork.ToInteger(network.LastAddress);
        var max = (System.Numerics.BigInteger.One << 128) - 1;
        var values = new List<System.Numerics.BigInteger> { first, last, first - 1, last + 1 };
        for (var i = 0; i < 150; i++)
        {
            var host = RandomValue(random) & (last - first);
            // Zero some groups so that '::' can stand for groups of the prefix and of the host part.
            for (var g = 0; g < 8; g++)
            {
                if (random.Next(3) == 0) host &= ~(((System.Numerics.BigInteger)0xffff) << (16 * g));
            }
            values.Add(first + host);
            values.Add(RandomValue(random) & ~(((System.Numerics.BigInteger)0xffff) << (16 * random.Next(8))));
        }
        return values.Where(v => v >= 0 && v <= max).Select(ToAddress);
    }

    private static System.Numerics.BigInteger RandomValue(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static IPAddress ToAddress(System.Numerics.BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[16];
        bytes.CopyTo(padded, 16 - bytes.Length);
        return new IPAddress(padded);
    }

    /// <summary>
    /// Lower-case texts of one address: every group written out (without and with leading zeros), and '::' in place
    /// of each run of zero groups (with random leading zeros in the others).
    /// </summary>
    private static IEnumerable<string> TextForms(IPAddress address, Random random)
    {
        var bytes = address.GetAddressBytes();
        var groups = Enumerable.Range(0, 8).Select(i => (bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToArray();
        string Write(int g) => groups[g].ToString("x", CultureInfo.InvariantCulture).PadLeft(random.Next(5), '0');
        yield return string.Join(':', groups.Select(g => g.ToString("x", CultureInfo.InvariantCulture)));
        yield return string.Join(':', Enumerable.Range(0, 8).Select(Write));
        yield return address.ToString();
        for (var start = 0; start < 8; start++)
        {
            for (var end = start; end < 8 && groups[end] == 0; end++)
            {
                yield return string.Join(':', Enumerable.Range(0, start).Select(Write)) + "::" + string.Join(':', Enumerable.Range(end + 1, 7 - end).Select(Write));
            }
        }
    }
}
