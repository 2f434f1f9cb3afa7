using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// The networks of the generated estate that the compliance pack has to be told about. With
/// <see cref="ComplianceParameters"/> the clean data (<see cref="GeneratorOptions.PlantFindings"/> off) passes every
/// control, and each planted violation fails its control. The addresses the findings use are documentation
/// ranges, so they can never collide with the ordinary traffic's.
/// </summary>
internal static class GeneratedNetworks
{
    /// <summary>The office the admins work from: with EC2 Instance Connect, the only outside source let into SSH and RDP.</summary>
    public const string Office = "198.51.100.0/28";

    /// <summary>EC2 Instance Connect's published range in us-east-1, which the generator uses in every region.</summary>
    public const string InstanceConnect = "18.206.107.24/29";

    /// <summary>The artifact repository the build agents download from through their NAT gateway (an approved destination).</summary>
    public const string ArtifactRepository = "198.51.100.80/28";

    /// <summary>A network the policy forbids; only the planted finding talks to it.</summary>
    public const string Forbidden = "203.0.113.0/24";

    /// <summary>Where the planted unapproved upload goes: outside every block the ordinary traffic reaches.</summary>
    public const string UnapprovedEgress = "192.0.2.0/24";

    /// <summary>The private ranges every VPC, on-premises network and peer of the estate lies in (IPv4).</summary>
    public const string PrivateIpv4 = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16";

    /// <summary>
    /// The compliance pack's parameters that fit the generated estate of these regions:
    /// <list type="bullet">
    /// <item><c>allowed_admin_cidrs</c>: the office and EC2 Instance Connect.</item>
    /// <item><c>internal_cidrs</c>: the pack's default private ranges plus each region's VPC IPv6 block (VPC IPv6
    /// addresses are global unicast, so only the operator can say they are internal).</item>
    /// <item><c>allowed_egress_cidrs</c>: every block the ordinary traffic reaches on the internet: the AWS service
    /// ranges, the non-AWS /8s, the IPv6 providers' /32s and the artifact repository.</item>
    /// <item><c>forbidden_cidrs</c>: <see cref="Forbidden"/>.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyDictionary<string, string> ComplianceParameters(IEnumerable<string> regions)
    {
        var vpcIpv6 = regions.Select(RegionNames.Ipv6Block).Distinct().Select(Ipv6Slash32);
        var internet = AwsServices.RangeCidrs()
            .Concat(AwsServices.NonAwsFirstOctets.Select(o => $"{IpValue.V4(o, 0, 0, 0)}/8"))
            .Concat(RemoteAddresses.Ipv6Providers.Select(Ipv6Slash32))
            .Append(ArtifactRepository);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["allowed_admin_cidrs"] = $"{Office},{InstanceConnect}",
            ["internal_cidrs"] = string.Join(',', [PrivateIpv4, "100.64.0.0/10", "fc00::/7", .. vpcIpv6]),
            ["allowed_egress_cidrs"] = string.Join(',', internet),
            ["forbidden_cidrs"] = Forbidden,
        };
    }

    private static string Ipv6Slash32(uint block) => $"{IpValue.V6((ulong)block << 32, 0)}/32";
}
