using System.Globalization;
using System.Net;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Core.Tests.IpRanges;

/// <summary>
/// The index answers every address as the independent lookup (every entry holding it, AWS's overlaps rule) does, and
/// the engines' table rows cover exactly the same addresses, each inside one bucket.
/// </summary>
public sealed class AwsAddressIndexTests
{
    private static AwsAddressIndex Index(IEnumerable<IpRangesJson.Entry> entries) =>
        AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(entries), "test.json"));

    [Theory]
    [InlineData("52.216.4.9", "S3", "AMAZON,S3", "us-east-1", "52.216.0.0/15")]
    [InlineData("52.94.1.1", "DYNAMODB", "AMAZON,DYNAMODB", "us-east-1", "52.94.0.0/22")]
    [InlineData("52.94.9.1", "AMAZON", "AMAZON", "us-east-1", "52.94.0.0/20")]
    [InlineData("18.206.107.25", "EC2_INSTANCE_CONNECT", "AMAZON,EC2,EC2_INSTANCE_CONNECT", "us-east-1", "18.206.107.24/29")]
    [InlineData("18.206.107.40", "EC2", "AMAZON,EC2", "us-east-1", "18.204.0.0/14")]
    [InlineData("13.33.0.1", "CLOUDFRONT", "AMAZON,CLOUDFRONT", "GLOBAL", "13.32.0.0/15")]
    [InlineData("54.243.31.200", "ROUTE53_HEALTHCHECKS", "AMAZON,ROUTE53_HEALTHCHECKS", "us-east-1", "54.243.31.192/26")]
    [InlineData("2a05:d018:0:1::5", "S3", "AMAZON,S3", "eu-west-1", "2a05:d018::/36")]
    [InlineData("2600:9000:ffff::1", "CLOUDFRONT", "CLOUDFRONT", "GLOBAL", "2600:9000::/28")]
    [InlineData("::ffff:52.216.0.1", "S3", "AMAZON,S3", "us-east-1", "52.216.0.0/15")]
    public void Service_region_and_prefix_follow_aws_overlaps_rule(string address, string service, string services, string region, string prefix)
    {
        var match = Index(IpRangesJson.ForGenerator()).Lookup(IPAddress.Parse(address));

        Assert.NotNull(match);
        Assert.Equal((service, services, region, region, prefix), (match.Service, match.Services, match.Region, match.NetworkBorderGroup, match.Prefix));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("52.218.0.0")]
    [InlineData("52.215.255.255")]
    [InlineData("2001:db8::1")]
    [InlineData("10.0.0.1")]
    public void An_address_no_range_holds_has_no_match(string address) =>
        Assert.Null(Index(IpRangesJson.ForGenerator()).Lookup(IPAddress.Parse(address)));

    [Fact]
    public void Random_addresses_and_every_boundary_answer_as_the_independent_lookup()
    {
        var entries = RandomEntries(new Random(20261206), 300).Concat(IpRangesJson.ForGenerator()).ToList();
        var index = Index(entries);
        var random = new Random(7);
        var addresses = new List<string>();
        foreach (var entry in entries)
        {
            var network = System.Net.IPNetwork.Parse(entry.Prefix);
            var first = network.BaseAddress;
            addresses.Add(first.ToString());
            addresses.Add(Offset(first, -1).ToString());
            var last = Last(network);
            addresses.Add(last.ToString());
            addresses.Add(Offset(last, 1).ToString());
            addresses.Add(Offset(first, random.Next(1, 1 << Math.Min(20, (first.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128) - network.PrefixLength))).ToString());
        }
        for (var i = 0; i < 2000; i++) addresses.Add(new IPAddress(BitConverter.GetBytes(random.Next())).ToString());

        foreach (var address in addresses)
        {
            var expected = IpRangesReference.Lookup(entries, address);
            var actual = index.Lookup(IPAddress.Parse(address));
            Assert.True(Equal(expected, actual), $"{address}: expected {expected}, got {actual}");
        }
    }

    [Fact]
    public void Table_rows_cover_the_index_exactly_each_within_one_bucket()
    {
        var entries = RandomEntries(new Random(11), 200).Concat(IpRangesJson.ForGenerator()).ToList();
        var index = Index(entries);
        var rows = AwsIpRangeRows.Of(index).ToList();

        var covered = UInt128.Zero;
        foreach (var row in rows)
        {
            var first = UInt128.Parse(row.FirstHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = UInt128.Parse(row.LastHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.True(first <= last);
            Assert.Equal(row.Bucket, AwsIpRangeRows.Bucket(first));
            Assert.Equal(row.Bucket, AwsIpRangeRows.Bucket(last));
            Assert.Equal(row.Bucket.Length, row.FirstHex.StartsWith(AwsIpRangeRows.Ipv4MappedHexPrefix, StringComparison.Ordinal) ? 28 : 8);
            covered += last - first + 1;
        }
        var expected = index.Intervals.Aggregate(UInt128.Zero, (sum, i) => sum + (i.Last - i.First + 1));
        Assert.Equal(expected, covered);
        // Rows are in address order and never overlap.
        Assert.True(rows.Zip(rows.Skip(1)).All(p => string.CompareOrdinal(p.First.LastHex, p.Second.FirstHex) < 0));
    }

    private static bool Equal(IpRangesReference.Answer? expected, AwsAddressMatch? actual) =>
        expected is null ? actual is null
            : actual is not null && (expected.Service, expected.Services, expected.Region, expected.BorderGroup, expected.Prefix)
                == (actual.Service, actual.Services, actual.Region, actual.NetworkBorderGroup, actual.Prefix);

    /// <summary>Nested and disjoint networks, IPv4 and IPv6, with services drawn so AMAZON and EC2 overlap others.</summary>
    private static IEnumerable<IpRangesJson.Entry> RandomEntries(Random random, int count)
    {
        string[] services = ["AMAZON", "AMAZON", "EC2", "S3", "DYNAMODB", "CLOUDFRONT"];
        string[] regions = ["us-east-1", "eu-west-1", "GLOBAL"];
        for (var i = 0; i < count; i++)
        {
            var ipv6 = random.Next(4) == 0;
            var bytes = new byte[ipv6 ? 16 : 4];
            random.NextBytes(bytes);
            // Few distinct top bytes, so networks nest and touch.
            bytes[0] = (byte)(ipv6 ? 0x26 : 52 + random.Next(3));
            if (ipv6) bytes[1] = 0x00;
            var length = ipv6 ? random.Next(16, 129) : random.Next(8, 33);
            var region = regions[random.Next(regions.Length)];
            yield return new IpRangesJson.Entry($"{new IPAddress(bytes)}/{length}", region, services[random.Next(services.Length)]);
        }
    }

    private static IPAddress Last(System.Net.IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++) bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }

    private static IPAddress Offset(IPAddress address, int delta)
    {
        var bytes = address.GetAddressBytes();
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true) + delta;
        var max = (System.Numerics.BigInteger.One << (bytes.Length * 8)) - 1;
        value = System.Numerics.BigInteger.Clamp(value, 0, max);
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[bytes.Length];
        raw.CopyTo(padded, padded.Length - raw.Length);
        return new IPAddress(padded);
    }
}
