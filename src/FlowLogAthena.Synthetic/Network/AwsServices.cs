namespace FlowLogAthena.Synthetic.Network;

/// <summary>The pkt-*-aws-service codes the generator uses, and published AWS ranges (kept disjoint) to draw from.</summary>
internal static class AwsServices
{
    public const int Amazon = 0, S3 = 1, Ec2 = 2, DynamoDb = 3, CloudFront = 4, Route53HealthChecks = 5, ApiGateway = 6,
        Ec2InstanceConnect = 7;

    public static readonly string[] Labels =
        ["AMAZON", "S3", "EC2", "DYNAMODB", "CLOUDFRONT", "ROUTE53_HEALTHCHECKS", "API_GATEWAY", "EC2_INSTANCE_CONNECT"];

    public static readonly byte[][] Utf8Labels = Labels.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();

    /// <summary>(first address, prefix length) per service; every range lies in 3/8, 13/8, 18/8, 52/8 or 54/8.</summary>
    private static readonly (IpValue Base, int PrefixLength, int Service)[] Ranges =
    [
        (IpValue.V4(52, 216, 0, 0), 15, S3),
        (IpValue.V4(3, 5, 0, 0), 19, S3),
        (IpValue.V4(52, 94, 0, 0), 22, DynamoDb),
        (IpValue.V4(3, 80, 0, 0), 12, Ec2),
        (IpValue.V4(54, 144, 0, 0), 12, Ec2),
        (IpValue.V4(13, 32, 0, 0), 15, CloudFront),
        (IpValue.V4(54, 239, 0, 0), 17, Amazon),
        (IpValue.V4(54, 243, 31, 192), 26, Route53HealthChecks),
        (IpValue.V4(3, 216, 135, 0), 24, ApiGateway),
        (IpValue.V4(18, 206, 107, 24), 29, Ec2InstanceConnect),
    ];

    /// <summary>First octets of public blocks that hold none of the ranges above, for non-AWS internet hosts.</summary>
    public static readonly int[] NonAwsFirstOctets =
        [23, 31, 37, 45, 62, 77, 81, 89, 91, 104, 142, 151, 167, 172, 185, 193, 195, 212, 217];

    /// <summary>Every range above as CIDR text, e.g. <c>52.216.0.0/15</c>.</summary>
    public static IEnumerable<string> RangeCidrs() => Ranges.Select(r => $"{r.Base}/{r.PrefixLength}");

    /// <summary>Every range above with the service code it is drawn for.</summary>
    public static IEnumerable<(string Cidr, string Service)> RangeCidrsWithServices() => Ranges.Select(r => ($"{r.Base}/{r.PrefixLength}", Labels[r.Service]));

    /// <summary>A random address inside one of <paramref name="service"/>'s ranges.</summary>
    public static IpValue AddressOf(int service, ref FastRandom rng)
    {
        var count = 0;
        foreach (var r in Ranges) if (r.Service == service) count++;
        var pick = rng.Next(count);
        foreach (var (start, prefixLength, s) in Ranges)
        {
            if (s != service || pick-- != 0) continue;
            var size = 1u << (32 - prefixLength);
            return IpValue.V4(start.V4Bits + 1 + (uint)rng.Next((int)Math.Min(size - 2, int.MaxValue)));
        }
        throw new ArgumentOutOfRangeException(nameof(service));
    }

    /// <summary>A random public IPv4 address outside every AWS range listed here (172/8 avoids 172.16/12).</summary>
    public static IpValue NonAwsAddress(ref FastRandom rng)
    {
        var first = NonAwsFirstOctets[rng.Next(NonAwsFirstOctets.Length)];
        var second = first == 172 ? rng.Next(32, 256) : rng.Next(256);
        return IpValue.V4(first, second, rng.Next(256), rng.Next(1, 255));
    }
}
