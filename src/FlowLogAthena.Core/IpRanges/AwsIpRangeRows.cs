using System.Globalization;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>
/// The rows of the ranges table both engines join (<c>aws_ip_ranges</c>): the index's intervals with their bounds as 32
/// upper-case hex digits (the 16 bytes of Trino's IPADDRESS; fixed width, so text order is address order) and cut at
/// bucket boundaries: an IPv4 address's /16, an IPv6 address's /32. A lookup joins on the bucket (an equality, so
/// Athena runs a hash join rather than a cross join) and then checks the interval's bounds.
/// </summary>
public static class AwsIpRangeRows
{
    /// <summary>Column names, in order.</summary>
    public static readonly string[] Columns =
        ["bucket", "first_hex", "last_hex", "aws_service", "aws_services", "aws_service_region", "aws_border_group", "aws_prefix"];

    /// <summary>Hex digits of an IPv4 address's bucket (::ffff:a.b, 112 bits) and of an IPv6 one's (32 bits).</summary>
    public const int Ipv4BucketDigits = 28, Ipv6BucketDigits = 8;

    /// <summary>The hex text every IPv4 address starts with: <c>::ffff:0:0/96</c>.</summary>
    public const string Ipv4MappedHexPrefix = "00000000000000000000FFFF";

    private static readonly UInt128 MappedFirst = UInt128.Parse("00000000000000000000FFFF00000000", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    private static readonly UInt128 MappedLast = UInt128.Parse("00000000000000000000FFFFFFFFFFFF", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public sealed record Row(string Bucket, string FirstHex, string LastHex, AwsAddressMatch Match);

    public static IEnumerable<Row> Of(AwsAddressIndex index)
    {
        foreach (var interval in index.Intervals)
        {
            var first = interval.First;
            while (true)
            {
                var bucketLast = BucketLast(first);
                var last = interval.Last < bucketLast ? interval.Last : bucketLast;
                yield return new Row(Bucket(first), Hex(first), Hex(last), interval.Match);
                if (last == interval.Last) break;
                first = last + 1;
            }
        }
    }

    /// <summary>32 upper-case hex digits.</summary>
    public static string Hex(UInt128 value) => value.ToString("X32", CultureInfo.InvariantCulture);

    /// <summary>The bucket of an address's hex text: its first 28 digits when IPv4 (mapped), else its first 8.</summary>
    public static string Bucket(UInt128 value)
    {
        var hex = Hex(value);
        return IsMapped(value) ? hex[..Ipv4BucketDigits] : hex[..Ipv6BucketDigits];
    }

    private static bool IsMapped(UInt128 value) => value >= MappedFirst && value <= MappedLast;

    /// <summary>The last address of the bucket holding <paramref name="value"/>; the mapped IPv4 block is its own world inside ::/32.</summary>
    private static UInt128 BucketLast(UInt128 value)
    {
        if (IsMapped(value)) return value | 0xFFFF;
        var last = value | ((UInt128.One << 96) - 1);
        // An IPv6 bucket around ::ffff:0:0/96 stops short of it, and resumes after it.
        return value < MappedFirst && last >= MappedFirst ? MappedFirst - 1 : last;
    }
}
