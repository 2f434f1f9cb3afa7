using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A quiet build agent in a private subnet that pulls large artifacts from a public repository through its NAT
/// gateway all day: every byte is NAT processing. Logged as the NAT gateway sees it (request in from the instance,
/// download in from the internet and out to the instance, pkt-srcaddr the repository) or as the instance sees it
/// (the download arriving from the gateway).
/// </summary>
internal static class NatHeavyDownloader
{
    /// <summary>The artifact repository's port; no ordinary scenario serves on it.</summary>
    public const int ArtifactPort = 8081;

    /// <summary>A public artifact repository (a documentation address, TEST-NET-2).</summary>
    private static readonly IpValue ArtifactRepository = IpValue.V4(198, 51, 100, 81);

    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var net = f.Net;
        var instance = f.Targets.NatDownloader;
        var i = net.Interfaces[instance];
        var gateway = net.NatGateways[i.Vpc][net.Subnets[i.Subnet].Zone];
        var g = net.Interfaces[gateway];
        var variant = f.Rng.Next(4);
        if (variant == 0)
        {
            // The instance's request, entering the gateway: pkt-dstaddr is the repository.
            s.Interface = gateway;
            f.Conversation(ref s, g.Address, i.Address, egress: false, localIsClient: false, ArtifactPort, Protocol.Tcp, 200);
            s.PktDst = ArtifactRepository;
            s.NextHop = instance;
        }
        else
        {
            if (variant == 1)
            {
                s.Interface = gateway; // the download entering the gateway from the internet
                f.Conversation(ref s, g.Address, ArtifactRepository, egress: false, localIsClient: true, ArtifactPort, Protocol.Tcp, 20_000);
            }
            else if (variant == 2)
            {
                s.Interface = gateway; // the download leaving the gateway for the instance
                f.Conversation(ref s, g.Address, i.Address, egress: true, localIsClient: false, ArtifactPort, Protocol.Tcp, 20_000);
                s.PktSrc = ArtifactRepository;
                s.NextHop = instance;
                s.TrafficPath = TrafficPath.SameVpc;
            }
            else
            {
                s.Interface = instance; // the download arriving at the instance
                f.Conversation(ref s, i.Address, ArtifactRepository, egress: false, localIsClient: true, ArtifactPort, Protocol.Tcp, 20_000);
                s.NextHop = gateway;
            }
            s.Packets = 30_000 + f.Rng.Next(30_000);
            s.Bytes = s.Packets * 1448;
        }
        s.Encryption = f.Encryption(i.Vpc, ArtifactPort, insideAws: false);
    }
}
