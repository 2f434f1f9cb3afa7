using System.Net;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class IpValueTests
{
    [Theory]
    [InlineData(0u, "0.0.0.0")]
    [InlineData(0x0A100203u, "10.16.2.3")]
    [InlineData(0xFFFFFFFFu, "255.255.255.255")]
    public void IPv4_addresses_are_dotted_quads(uint address, string expected) =>
        Assert.Equal(expected, IpValue.V4(address).ToString());

    [Theory]
    [InlineData("2600:1f18:abcd:1200::")]
    [InlineData("2600:1f18:0:0:1:0:0:5")]
    [InlineData("::1")]
    [InlineData("2a05:d018:1:2:3:4:5:6")]
    [InlineData("2001:db8::1:0:0:1")]
    [InlineData("::")]
    public void IPv6_addresses_are_written_in_RFC_5952_form_like_dotnet(string text)
    {
        var bytes = IPAddress.Parse(text).GetAddressBytes();
        var high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8));

        Assert.Equal(IPAddress.Parse(text).ToString(), IpValue.V6(high, low).ToString());
    }

    [Fact]
    public void Random_IPv6_addresses_match_dotnets_canonical_text()
    {
        var random = new Random(5);
        for (var i = 0; i < 5_000; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            for (var g = 0; g < 8; g++)
                if (random.Next(3) == 0) bytes[2 * g] = bytes[(2 * g) + 1] = 0; // zero runs of every length
            var high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
            var low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8));
            var expected = new IPAddress(bytes).ToString();
            if (expected.Contains('.', StringComparison.Ordinal)) continue; // .NET writes IPv4-compatible forms with dots; AWS ranges never are

            Assert.Equal(expected, IpValue.V6(high, low).ToString());
        }
    }
}
