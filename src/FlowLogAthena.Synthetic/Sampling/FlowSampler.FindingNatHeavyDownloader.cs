namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    private int? _natDownloader;

    /// <summary>The artifact repository's port; no ordinary scenario serves on it.</summary>
    internal const int ArtifactPort = 8081;

    /// <summary>A public artifact repository (a documentation address, TEST-NET-2).</summary>
    private static readonly IpValue ArtifactRepository = IpValue.V4(198, 51, 100, 81);

    /// <summary>
    /// A quiet build agent in a private subnet that pulls large artifacts from a public repository through its NAT
    /// gateway all day: every byte is NAT processing. Logged as the NAT gateway sees it (request in from the
    /// instance, download in from the internet and out to the instance, pkt-srcaddr the repository) or as the
    /// instance sees it (the download arriving from the gateway).
    /// </summary>
    private void NatHeavyDownloader(ref FlowSample s)
    {
        var instance = _natDownloader ??= PrivateInstance(vpc: 0, zone: 2, rank: -1);
        var i = _net.Interfaces[instance];
        var gateway = _net.NatGateways[i.Vpc][_net.Subnets[i.Subnet].Zone];
        var g = _net.Interfaces[gateway];
        var variant = _rng.Next(4);
        if (variant == 0)
        {
            // The instance's request, entering the gateway: pkt-dstaddr is the repository.
            s.Interface = gateway;
            Conversation(ref s, g.Address, i.Address, egress: false, localIsClient: false, ArtifactPort, 6, 200);
            s.PktDst = ArtifactRepository;
            s.NextHop = instance;
        }
        else
        {
            if (variant == 1)
            {
                s.Interface = gateway; // the download entering the gateway from the internet
                Conversation(ref s, g.Address, ArtifactRepository, egress: false, localIsClient: true, ArtifactPort, 6, 20_000);
            }
            else if (variant == 2)
            {
                s.Interface = gateway; // the download leaving the gateway for the instance
                Conversation(ref s, g.Address, i.Address, egress: true, localIsClient: false, ArtifactPort, 6, 20_000);
                s.PktSrc = ArtifactRepository;
                s.NextHop = instance;
                s.TrafficPath = 1;
            }
            else
            {
                s.Interface = instance; // the download arriving at the instance
                Conversation(ref s, i.Address, ArtifactRepository, egress: false, localIsClient: true, ArtifactPort, 6, 20_000);
                s.NextHop = gateway;
            }
            s.Packets = 30_000 + _rng.Next(30_000);
            s.Bytes = s.Packets * 1448;
        }
        s.Encryption = Encryption(i.Vpc, ArtifactPort, insideAws: false);
    }
}
