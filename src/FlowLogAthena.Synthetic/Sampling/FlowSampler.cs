using FlowLogAthena.Synthetic.Findings;
using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Picks what each record describes — a traffic scenario, the interface that logged it, the peer — and fills a
/// <see cref="FlowSample"/> consistently: the interface's own address is srcaddr on egress and dstaddr on ingress,
/// traffic-path is set on egress only, NAT gateway records carry the translated pkt-* addresses, and so on.
/// Local interfaces and popular remotes are drawn with a Zipf skew (clear top talkers, many repeated pairs);
/// most internet peers are drawn fresh, so distinct (srcaddr, dstaddr) pairs grow with the record count.
/// An accepted conversation is logged in both directions: its reply is the next record (FlowSampler.Replies.cs).
/// </summary>
internal sealed partial class FlowSampler
{
    private enum Scenario
    {
        NoData, SkipData, EastWest, Dns, InternetEgress, InternetIngress, NatGateway, PortScan, AwsService, Vpn,
        Peering, LocalGateway, EdgeInternet, Ipv6, Icmp, TransitGateway,
    }

    /// <summary>Share of each scenario in 1/10,000 of the draws (sums to 10,000); an answered draw writes two records.</summary>
    private static readonly (Scenario Scenario, int Weight)[] Weights =
    [
        (Scenario.NoData, 80), (Scenario.SkipData, 20), (Scenario.EastWest, 3200), (Scenario.Dns, 400),
        (Scenario.InternetEgress, 1300), (Scenario.InternetIngress, 1000), (Scenario.NatGateway, 1000),
        (Scenario.PortScan, 600), (Scenario.AwsService, 500), (Scenario.Vpn, 300), (Scenario.Peering, 400),
        (Scenario.LocalGateway, 100), (Scenario.EdgeInternet, 100), (Scenario.Ipv6, 500), (Scenario.Icmp, 300),
        (Scenario.TransitGateway, 200),
    ];

    private static readonly int[] CommonScanPorts =
        [21, 22, 23, 25, 53, 80, 110, 135, 139, 443, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200, 11211, 27017];

    private static readonly int[] UdpScanPorts = [53, 123, 137, 161, 500, 1900, 5060, 11211];
    private static readonly int[] OnPremisesPorts = [443, 1433, 389, 445, 22, 3389];

    private readonly NetworkTopology _net;
    private readonly RemoteAddresses _remote;
    private readonly bool _plantFindings;
    private readonly FindingTargets _targets;
    private FastRandom _rng;

    /// <param name="windowFromUnixSeconds">Start of the whole generated window (not just this file's slice).</param>
    /// <param name="windowToUnixSeconds">End of the whole generated window, exclusive.</param>
    public FlowSampler(NetworkTopology net, RemoteAddresses remote, ulong seed, bool plantFindings,
        long windowFromUnixSeconds, long windowToUnixSeconds)
    {
        _net = net;
        _remote = remote;
        _rng = new FastRandom(seed);
        _plantFindings = plantFindings;
        _targets = new FindingTargets(net, DiagnoseTargets.Of(net, windowFromUnixSeconds, windowToUnixSeconds));
    }

    /// <summary>The account and region's network the records are drawn from.</summary>
    internal NetworkTopology Net => _net;

    /// <summary>The addresses outside the VPCs, shared by the run.</summary>
    internal RemoteAddresses Remote => _remote;

    /// <summary>The interfaces the planted findings are about.</summary>
    internal FindingTargets Targets => _targets;

    /// <summary>The file's random stream: every draw, here or in a finding, advances this one sequence.</summary>
    internal ref FastRandom Rng => ref _rng;

    /// <summary>Unix seconds in [from, to): callers spread record starts over their file's slice with it.</summary>
    public long NextInt64(long maxExclusive) => _rng.NextInt64(maxExclusive);

    /// <summary>
    /// Draws the next record that starts a conversation (or is a reject, NODATA, ...). When the conversation is
    /// answered, its reply is kept for <see cref="TryTakeReply"/>; <paramref name="replyFits"/> false (the file's
    /// last record) draws again until no reply is needed, so a reply is never cut off by the end of a file.
    /// </summary>
    public void Next(ref FlowSample s, long start, bool replyFits)
    {
        while (true)
        {
            s = FlowSample.Empty(start);
            _hasReply = false;
            _unanswered = false;
            _fromClient = true;
            if (!(_plantFindings && FindingTable.TryPlant(this, ref s))) DrawScenario(ref s);
            if (_plantFindings && SilentInterface.Silences(_targets.Diagnose, in s)) continue;
            if (!_hasReply && !_unanswered && s.Status == LogStatus.Ok && !s.Reject)
            {
                Answer(in s);
                if (_plantFindings) NaclAsymmetry.BlockReply(this, ref s, ref _reply);
            }
            if (!_hasReply || replyFits) return;
        }
    }

    private void DrawScenario(ref FlowSample s)
    {
        var roll = _rng.Next(10_000);
        var scenario = Scenario.EastWest;
        foreach (var (candidate, weight) in Weights)
        {
            if (roll < weight) { scenario = candidate; break; }
            roll -= weight;
        }
        switch (scenario)
        {
            case Scenario.NoData: Idle(ref s, LogStatus.NoData); break;
            case Scenario.SkipData: Idle(ref s, LogStatus.SkipData); break;
            case Scenario.EastWest: EastWest(ref s); break;
            case Scenario.Dns: Dns(ref s); break;
            case Scenario.InternetEgress: InternetEgress(ref s); break;
            case Scenario.InternetIngress: InternetIngress(ref s); break;
            case Scenario.NatGateway: NatGateway(ref s); break;
            case Scenario.PortScan: PortScan(ref s); break;
            case Scenario.AwsService: AwsService(ref s); break;
            case Scenario.Vpn: Vpn(ref s); break;
            case Scenario.Peering: Peering(ref s); break;
            case Scenario.LocalGateway: LocalGateway(ref s); break;
            case Scenario.EdgeInternet: EdgeInternet(ref s); break;
            case Scenario.Ipv6: Ipv6(ref s); break;
            case Scenario.Icmp: Icmp(ref s); break;
            default: TransitGateway(ref s); break;
        }
    }

    /// <summary>No traffic (NODATA) or records dropped (SKIPDATA) in the window: only the logging fields are set.</summary>
    private void Idle(ref FlowSample s, LogStatus status)
    {
        s.Status = status;
        s.Interface = _rng.Next(_net.Interfaces.Length);
        s.End = s.Start + _rng.Next(50, 61);
    }

    private void EastWest(ref FlowSample s)
    {
        var local = Pick(_net.Workloads);
        var l = _net.Interfaces[local];
        var peer = PeerIn(_net.VpcWorkloads[l.Vpc], local);
        var p = _net.Interfaces[peer];
        var localIsClient = _rng.Next(10) < 6;
        var server = localIsClient ? p : l;
        // The local security group turns some clients away, always the same ones: only their request shows.
        var denied = !localIsClient && SecurityGroupDenies(peer, local);
        var egress = !denied && _rng.Next(2) == 0;
        s.Interface = local;
        s.NextHop = peer;
        Conversation(ref s, l.Address, p.Address, egress, localIsClient, server.ServicePort, server.ServiceProtocol, 20_000);
        s.TrafficPath = 1;
        if (denied)
        {
            Rejected(ref s, byBpa: false);
            return;
        }
        s.Encryption = Encryption(l.Vpc, server.ServicePort, insideAws: true);
    }

    private void Dns(ref FlowSample s)
    {
        var local = Pick(_net.Workloads);
        var l = _net.Interfaces[local];
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        Conversation(ref s, l.Address, _net.Vpcs[l.Vpc].Resolver, egress, localIsClient: true, 53, 17, 12);
        s.TrafficPath = 1;
        s.Encryption = Encryption(l.Vpc, 53, insideAws: true);
    }

    private void InternetEgress(ref FlowSample s)
    {
        var local = Pick(_net.PublicWorkloads);
        var l = _net.Interfaces[local];
        var vpc = _net.Vpcs[l.Vpc];
        var (remote, service) = PopularOrFresh(freshPerTenThousand: 5000);
        if (HasGatewayEndpoint(service)) // the gateway endpoint, which Block Public Access does not govern
        {
            ViaGatewayEndpoint(ref s, local, remote, service);
            return;
        }
        var roll = _rng.Next(100);
        var (port, protocol) = roll < 70 ? (443, 6) : roll < 82 ? (80, 6) : roll < 88 ? (123, 17) : roll < 94 ? (53, 17) : (22, 6);
        s.Interface = local;
        if (vpc.BlockPublicAccess)
        {
            // Block Public Access (block-ingress) lets nothing through the internet gateway. Workloads under it do not
            // dial out that way (that is a planted finding); the internet still knocks, and BPA turns it away.
            Conversation(ref s, l.Address, remote, egress: false, localIsClient: false, port, protocol, 4);
            SetRemoteService(ref s, service);
            Rejected(ref s, byBpa: true);
            return;
        }
        var egress = _rng.Next(100) < 55;
        Conversation(ref s, l.Address, remote, egress, localIsClient: true, port, protocol, protocol == 17 ? 4 : 50_000);
        SetRemoteService(ref s, service);
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(l.Vpc, port, insideAws: false);
    }

    private void InternetIngress(ref FlowSample s)
    {
        var toLoadBalancer = _rng.Next(100) < 40;
        var target = toLoadBalancer ? _net.LoadBalancers[_rng.Next(_net.LoadBalancers.Length)] : Pick(_net.PublicWorkloads);
        var t = _net.Interfaces[target];
        var vpc = _net.Vpcs[t.Vpc];
        var port = t.ServicePort;
        IpValue client;
        var service = -1;
        var reject = vpc.BlockPublicAccess;
        if (port is 22 or 3389)
        {
            // Admin ports: the office and EC2 Instance Connect get in; anyone else is rejected.
            var roll = _rng.Next(10);
            if (roll < 2) client = _remote.Office;
            else if (roll < 3 && port == 22)
            {
                client = _remote.InstanceConnect[_rng.Next(_remote.InstanceConnect.Length)];
                service = AwsServices.Ec2InstanceConnect;
            }
            else
            {
                client = AwsServices.NonAwsAddress(ref _rng);
                reject = true;
            }
        }
        else
        {
            var roll = _rng.Next(100);
            if (roll < 5)
            {
                client = _remote.HealthCheckers[_rng.Next(_remote.HealthCheckers.Length)];
                service = AwsServices.Route53HealthChecks;
            }
            else if (roll < 20) (client, service) = PopularOrFresh(freshPerTenThousand: 0);
            else client = AwsServices.NonAwsAddress(ref _rng);
            if (HasGatewayEndpoint(service)) (client, service) = (AwsServices.NonAwsAddress(ref _rng), -1); // S3 and DynamoDB never call in
        }
        var egress = !reject && _rng.Next(100) < 45;
        s.Interface = target;
        Conversation(ref s, t.Address, client, egress, localIsClient: false, port, 6, 20_000);
        SetRemoteService(ref s, service);
        s.TrafficPath = InternetPath();
        if (reject)
        {
            Rejected(ref s, byBpa: vpc.BlockPublicAccess);
            return;
        }
        s.Encryption = Encryption(t.Vpc, port, insideAws: false);
    }

    /// <summary>
    /// Internet access from a private subnet through the NAT gateway; S3 and DynamoDB take the VPC's gateway
    /// endpoint instead (the planted <see cref="S3OverNat"/> is the exception).
    /// </summary>
    private void NatGateway(ref FlowSample s)
    {
        var instance = Pick(_net.PrivateWorkloads);
        var (remote, service) = PopularOrFresh(freshPerTenThousand: 6000);
        if (HasGatewayEndpoint(service))
        {
            ViaGatewayEndpoint(ref s, instance, remote, service);
            return;
        }
        var roll = _rng.Next(100);
        var (port, protocol) = roll < 75 ? (443, 6) : roll < 90 ? (80, 6) : (123, 17);
        ThroughNatGateway(ref s, instance, remote, service, port, protocol, protocol == 17 ? 4 : 20_000);
    }

    /// <summary>
    /// One record of a private instance's flow through its NAT gateway. Either the instance's own record (next hop:
    /// the gateway), or one of the four records the gateway logs, whose own address is its private IP (zonal) or
    /// Elastic IP (regional): instance→gateway (pkt-dstaddr = the internet host), gateway→internet,
    /// internet→gateway, and gateway→instance (pkt-srcaddr = the internet host). A regional NAT gateway has no
    /// interface: interface-id is <c>-</c> and resource-id names the gateway.
    /// </summary>
    internal void ThroughNatGateway(ref FlowSample s, int instance, IpValue remote, int service, int port, int protocol, long maxPackets)
    {
        var i = _net.Interfaces[instance];
        var vpc = _net.Vpcs[i.Vpc];
        var regional = vpc.RegionalNat >= 0;
        var gateway = regional ? -1 : _net.NatGateways[i.Vpc][_net.Subnets[i.Subnet].Zone];
        var gatewayAddress = regional ? _net.RegionalNats[vpc.RegionalNat].PublicIp : _net.Interfaces[gateway].Address;
        var variant = _rng.Next(100);
        if (variant < 25)
        {
            var egress = _rng.Next(100) < 55;
            s.Interface = instance;
            Conversation(ref s, i.Address, remote, egress, localIsClient: true, port, protocol, maxPackets);
            SetRemoteService(ref s, service);
            s.NextHop = gateway;
            s.NextHopRegionalNat = regional;
            s.TrafficPath = 1;
        }
        else
        {
            s.Interface = gateway;
            s.RegionalNat = regional ? vpc.RegionalNat : -1;
            if (variant < 45)
            {
                Conversation(ref s, gatewayAddress, i.Address, egress: false, localIsClient: false, port, protocol, maxPackets);
                s.PktDst = remote;
                s.DstService = service;
                s.NextHop = instance;
                s.TrafficPath = 1;
            }
            else if (variant < 70)
            {
                Conversation(ref s, gatewayAddress, remote, egress: true, localIsClient: true, port, protocol, maxPackets);
                s.DstService = service;
                s.TrafficPath = InternetPath();
            }
            else if (variant < 85)
            {
                Conversation(ref s, gatewayAddress, remote, egress: false, localIsClient: true, port, protocol, maxPackets);
                s.SrcService = service;
                s.TrafficPath = InternetPath();
            }
            else
            {
                Conversation(ref s, gatewayAddress, i.Address, egress: true, localIsClient: false, port, protocol, maxPackets);
                s.PktSrc = remote;
                s.SrcService = service;
                s.NextHop = instance;
                s.TrafficPath = 1;
            }
        }
        s.Encryption = Encryption(i.Vpc, port, insideAws: false);
    }

    /// <summary>
    /// A few scanners sweep internet-facing interfaces across many ports; nearly all of it is rejected. A probe that
    /// hits an open web port is accepted and answered (SYN-ACK), as a real server would.
    /// </summary>
    private void PortScan(ref FlowSample s)
    {
        var scanner = _rng.Skewed(_remote.Scanners.Length);
        var target = _net.ScanTargets[_rng.Next(_net.ScanTargets.Length)];
        var t = _net.Interfaces[target];
        var vpc = _net.Vpcs[t.Vpc];
        var roll = _rng.Next(100);
        var protocol = roll < 85 ? 6 : roll < 95 ? 17 : 1;
        var port = protocol switch
        {
            6 => _rng.Next(2) == 0 ? _rng.Next(1, 65536) : CommonScanPorts[_rng.Next(CommonScanPorts.Length)],
            17 => UdpScanPorts[_rng.Next(UdpScanPorts.Length)],
            _ => 0,
        };
        s.Interface = target;
        s.Ingress = true;
        s.Src = s.PktSrc = _remote.Scanners[scanner];
        s.Dst = s.PktDst = t.Address;
        s.Protocol = protocol;
        s.SrcPort = protocol == 1 ? 0 : _remote.ScannerBasePorts[scanner] + _rng.Next(16);
        s.DstPort = port;
        s.TcpFlags = protocol == 6 ? 2 : -1;
        s.Packets = 1 + _rng.Next(2);
        s.Bytes = s.Packets * (protocol == 6 ? 44 : 28 + _rng.Next(60));
        s.End = s.Start + (s.Packets == 1 ? 0 : _rng.Next(1, 4));
        var open = !vpc.BlockPublicAccess && protocol == 6 && port == t.ServicePort && port is 80 or 443;
        if (!open) Rejected(ref s, byBpa: vpc.BlockPublicAccess);
        else s.TrafficPath = InternetPath(); // an open port answers the probe, out through the internet gateway
    }

    private void AwsService(ref FlowSample s)
    {
        var local = Pick(_net.Workloads);
        var l = _net.Interfaces[local];
        var roll = _rng.Next(100);
        if (roll < 60)
        {
            var dynamo = _rng.Next(5) == 0;
            var pool = dynamo ? _remote.DynamoDb : _remote.S3;
            ViaGatewayEndpoint(ref s, local, pool[_rng.Skewed(pool.Length)], dynamo ? AwsServices.DynamoDb : AwsServices.S3);
            return;
        }
        var egress = _rng.Next(2) == 0;
        // An interface endpoint, seen from the workload or from the endpoint's own interface.
        var endpoints = _net.Endpoints[l.Vpc];
        var endpoint = endpoints[_rng.Next(endpoints.Length)];
        var e = _net.Interfaces[endpoint];
        if (roll < 85)
        {
            s.Interface = local;
            s.NextHop = endpoint;
            Conversation(ref s, l.Address, e.Address, egress, localIsClient: true, 443, 6, 5_000);
        }
        else
        {
            s.Interface = endpoint;
            s.NextHop = local;
            Conversation(ref s, e.Address, l.Address, egress, localIsClient: false, 443, 6, 5_000);
        }
        s.TrafficPath = 1;
        s.Encryption = Encryption(l.Vpc, 443, insideAws: true);
    }

    /// <summary>
    /// S3 or DynamoDB through the VPC's gateway endpoint, the route every subnet has for them: big S3 transfers,
    /// public service addresses, traffic-path 7 on egress (2 on the older instances that are not Nitro).
    /// </summary>
    private void ViaGatewayEndpoint(ref FlowSample s, int local, IpValue remote, int service)
    {
        var l = _net.Interfaces[local];
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        Conversation(ref s, l.Address, remote, egress, localIsClient: true, 443, 6, service == AwsServices.DynamoDb ? 5_000 : 500_000);
        SetRemoteService(ref s, service);
        s.TrafficPath = _rng.Next(4) == 0 ? 2 : 7;
        s.Encryption = Encryption(l.Vpc, 443, insideAws: false);
    }

    /// <summary>Services a gateway VPC endpoint serves; the generated VPCs route them through one.</summary>
    private static bool HasGatewayEndpoint(int service) => service is AwsServices.S3 or AwsServices.DynamoDb;

    private void Vpn(ref FlowSample s)
    {
        var local = Pick(_net.Workloads);
        var l = _net.Interfaces[local];
        var localIsClient = _rng.Next(10) < 3;
        var port = localIsClient ? OnPremisesPorts[_rng.Next(OnPremisesPorts.Length)] : l.ServicePort;
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        Conversation(ref s, l.Address, _remote.OnPremises[_rng.Skewed(_remote.OnPremises.Length)], egress, localIsClient, port, 6, 20_000);
        s.TrafficPath = 3;
        s.Encryption = Encryption(l.Vpc, port, insideAws: false);
    }

    private void Peering(ref FlowSample s)
    {
        var local = Pick(_net.Workloads);
        var l = _net.Interfaces[local];
        var localIsClient = _rng.Next(2) == 0;
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        if (_rng.Next(100) < 60)
        {
            var vpcCount = _net.Vpcs.Length;
            var otherVpc = (l.Vpc + 1 + _rng.Next(vpcCount - 1)) % vpcCount;
            var peer = Pick(_net.VpcWorkloads[otherVpc]);
            var p = _net.Interfaces[peer];
            var server = localIsClient ? p : l;
            s.NextHop = peer;
            Conversation(ref s, l.Address, p.Address, egress, localIsClient, server.ServicePort, server.ServiceProtocol, 20_000);
            s.TrafficPath = 4;
            s.Encryption = Encryption(l.Vpc, server.ServicePort, insideAws: true);
        }
        else
        {
            var remote = _remote.InterRegionPeers[_rng.Skewed(_remote.InterRegionPeers.Length)];
            var port = localIsClient ? 443 : l.ServicePort;
            Conversation(ref s, l.Address, remote, egress, localIsClient, port, 6, 20_000);
            s.TrafficPath = 5;
            s.Encryption = Encryption(l.Vpc, port, insideAws: true);
        }
    }

    /// <summary>An Outposts workload talking to the factory LAN through the local gateway.</summary>
    private void LocalGateway(ref FlowSample s)
    {
        var local = Pick(_net.Outposts);
        var l = _net.Interfaces[local];
        var localIsClient = _rng.Next(3) == 0;
        var port = localIsClient ? 502 : l.ServicePort;
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        Conversation(ref s, l.Address, _remote.OutpostLan[_rng.Skewed(_remote.OutpostLan.Length)], egress, localIsClient, port, 6, 20_000);
        s.TrafficPath = 6;
        s.Encryption = Encryption(l.Vpc, port, insideAws: false);
    }

    /// <summary>Local Zone and Wavelength workloads serving nearby users straight from the internet.</summary>
    private void EdgeInternet(ref FlowSample s)
    {
        var local = Pick(_net.EdgeInternet);
        var l = _net.Interfaces[local];
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        Conversation(ref s, l.Address, AwsServices.NonAwsAddress(ref _rng), egress, localIsClient: false, l.ServicePort, 6, 20_000);
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(l.Vpc, l.ServicePort, insideAws: false);
    }

    private void Ipv6(ref FlowSample s)
    {
        var local = Pick(_net.DualStack);
        var l = _net.Interfaces[local];
        var egress = _rng.Next(2) == 0;
        var roll = _rng.Next(100);
        s.Interface = local;
        if (roll < 15)
        {
            // Inside AWS over IPv6: same VPC (path 1) or the other dual-stack VPC over peering (path 4).
            var peer = PeerIn(_net.DualStack, local);
            var p = _net.Interfaces[peer];
            var localIsClient = _rng.Next(2) == 0;
            var server = localIsClient ? p : l;
            s.NextHop = peer;
            Conversation(ref s, l.Ipv6, p.Ipv6, egress, localIsClient, server.ServicePort, server.ServiceProtocol, 20_000);
            s.TrafficPath = p.Vpc == l.Vpc ? 1 : 4;
            s.Encryption = Encryption(l.Vpc, server.ServicePort, insideAws: true);
            return;
        }
        var remote = _rng.Next(2) == 0 ? _remote.PopularV6[_rng.Skewed(_remote.PopularV6.Length)] : RemoteAddresses.RandomV6(ref _rng);
        if (roll < 30) Conversation(ref s, l.Ipv6, remote, egress, localIsClient: true, 0, 58, 10); // ICMPv6
        else
        {
            // Only public-subnet servers take connections from the internet; private ones just reach out.
            var localIsClient = !_net.Subnets[l.Subnet].IsPublic || _rng.Next(10) < 7;
            var port = localIsClient ? (_rng.Next(5) == 0 ? 80 : 443) : l.ServicePort;
            // As over IPv4, admin ports turn internet hosts away: the security groups let only the office in.
            var adminAttempt = !localIsClient && port is 22 or 3389;
            Conversation(ref s, l.Ipv6, remote, egress && !adminAttempt, localIsClient, port, 6, 20_000);
            if (adminAttempt)
            {
                Rejected(ref s, byBpa: false);
                return;
            }
        }
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(l.Vpc, s.Protocol == 58 ? 0 : 443, insideAws: false);
    }

    private void Icmp(ref FlowSample s)
    {
        var egress = _rng.Next(2) == 0;
        if (_rng.Next(2) == 0)
        {
            var local = Pick(_net.Workloads);
            var l = _net.Interfaces[local];
            var peer = PeerIn(_net.VpcWorkloads[l.Vpc], local);
            s.Interface = local;
            s.NextHop = peer;
            Conversation(ref s, l.Address, _net.Interfaces[peer].Address, egress, _rng.Next(2) == 0, 0, 1, 10);
            s.TrafficPath = 1;
            s.Encryption = Encryption(l.Vpc, 0, insideAws: true);
            return;
        }
        // Pings from the internet: security groups usually drop them.
        var target = _net.ScanTargets[_rng.Next(_net.ScanTargets.Length)];
        var t = _net.Interfaces[target];
        var vpc = _net.Vpcs[t.Vpc];
        var reject = vpc.BlockPublicAccess || _rng.Next(2) == 0;
        egress &= !reject;
        s.Interface = target;
        Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref _rng), egress, localIsClient: false, 0, 1, 4);
        if (reject)
        {
            Rejected(ref s, byBpa: vpc.BlockPublicAccess);
            return;
        }
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(t.Vpc, 0, insideAws: false);
    }

    private void TransitGateway(ref FlowSample s)
    {
        var local = Pick(_net.PrivateWorkloads);
        var l = _net.Interfaces[local];
        var localIsClient = _rng.Next(2) == 0;
        var port = localIsClient ? 443 : l.ServicePort;
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        s.NextHop = _net.TransitGateways[l.Vpc][_net.Subnets[l.Subnet].Zone];
        Conversation(ref s, l.Address, _remote.TransitPeers[_rng.Skewed(_remote.TransitPeers.Length)], egress, localIsClient, port, 6, 20_000);
        s.TrafficPath = 1;
        s.Encryption = Encryption(l.Vpc, port, insideAws: false);
    }

    /// <summary>
    /// Fills addresses, ports, flags and counters for one direction of a client/server conversation as seen by
    /// the local interface: egress puts the local address in srcaddr, ingress in dstaddr.
    /// </summary>
    internal void Conversation(ref FlowSample s, IpValue local, IpValue remote, bool egress, bool localIsClient,
        int servicePort, int protocol, long maxPackets)
    {
        s.Ingress = !egress;
        s.Src = s.PktSrc = egress ? local : remote;
        s.Dst = s.PktDst = egress ? remote : local;
        s.Protocol = protocol;
        var fromClient = egress == localIsClient;
        _fromClient = fromClient;
        if (protocol is 1 or 58)
        {
            s.SrcPort = s.DstPort = 0; // ICMP has no ports; AWS writes 0
        }
        else
        {
            var ephemeral = _rng.Next(5) == 0 ? _rng.Next(49152, 65536) : _rng.Next(32768, 61000);
            s.SrcPort = fromClient ? ephemeral : servicePort;
            s.DstPort = fromClient ? servicePort : ephemeral;
        }
        s.Packets = _rng.LogUniform(maxPackets);
        if (protocol == 6) s.TcpFlags = TcpFlags(fromClient, s.Packets);
        var header = s.Src.IsV6 ? 60 : 40;
        var payload = protocol is 1 or 58 ? 44 : fromClient ? _rng.Next(12, 400) : _rng.Next(200, 1408);
        s.Bytes = s.Packets * (header + payload);
        s.End = s.Start + (s.Packets == 1 ? 0 : _rng.Next(1, 61));
    }

    /// <summary>
    /// Flags OR-ed over the window for packets from the client (SYN 2, SYN+FIN 3, FIN 1) or the server
    /// (SYN-ACK 18, SYN-ACK+FIN 19, FIN 1, RST 4); 0 for the middle of a long connection.
    /// </summary>
    private int TcpFlags(bool fromClient, long packets)
    {
        var roll = _rng.Next(100);
        if (fromClient) return packets == 1 ? 2 : roll < 20 ? 2 : roll < 35 ? 3 : roll < 50 ? 1 : 0;
        if (packets == 1) return roll < 80 ? 18 : 4;
        return roll < 20 ? 18 : roll < 35 ? 19 : roll < 50 ? 1 : roll < 55 ? 4 : 0;
    }

    /// <summary>Turns the flow into a rejected attempt: a few SYN-sized packets from the initiator.</summary>
    internal void Rejected(ref FlowSample s, bool byBpa)
    {
        s.Reject = true;
        s.RejectedByBpa = byBpa;
        s.Encryption = -1;
        s.Packets = 1 + _rng.Next(3);
        s.Bytes = s.Packets * ((s.Src.IsV6 ? 60 : 40) + (s.Protocol == 6 ? 4 : 44));
        if (s.Protocol == 6) s.TcpFlags = 2;
        s.End = s.Start + (s.Packets == 1 ? 0 : _rng.Next(1, 61));
    }

    /// <summary>The AWS service of the remote end goes on whichever pkt-* address holds it.</summary>
    internal static void SetRemoteService(ref FlowSample s, int service)
    {
        if (s.Ingress) s.SrcService = service;
        else s.DstService = service;
    }

    internal (IpValue Address, int Service) PopularOrFresh(int freshPerTenThousand)
    {
        if (_rng.Chance(freshPerTenThousand)) return (AwsServices.NonAwsAddress(ref _rng), -1);
        var rank = _rng.Skewed(_remote.PopularV4.Length);
        return (_remote.PopularV4[rank], _remote.PopularV4Service[rank]);
    }

    /// <summary>Internet gateway: 8 on Nitro instances (most), 2 otherwise.</summary>
    internal int InternetPath() => _rng.Next(4) == 0 ? 2 : 8;

    /// <summary>
    /// encryption-status under VPC Encryption Controls: 1/3 inside AWS (Nitro), 0/2 beyond; TLS ports add 2. The
    /// Encryption Controls VPC runs its data stores (databases, caches, brokers, directory, file shares) with TLS,
    /// so in clean data no sensitive port crosses the VPN, transit gateway or local gateway in the clear.
    /// </summary>
    internal int Encryption(int vpc, int port, bool insideAws)
    {
        if (!_net.Vpcs[vpc].EncryptionControls) return -1;
        var tls = port is 443 or 8443 or 22 or 636 or 50051
            or 389 or 445 or 1433 or 2049 or 3306 or 5432 or 5672 or 6379 or 9092 or 9200 or 11211 or 27017;
        return insideAws ? (tls ? 3 : 1) : (tls ? 2 : 0);
    }

    internal int Pick(int[] interfaces) => interfaces[_rng.Skewed(interfaces.Length)];

    /// <summary>
    /// About 3 % of client/server pairs are not allowed by the server's security group. Fixed per pair, as a rule
    /// is: a pair is always rejected or always accepted, so a rejected request never looks like a rejected reply.
    /// </summary>
    private static bool SecurityGroupDenies(int client, int server) => FastRandom.Mix((ulong)client, (ulong)server, 0x5EC) % 100 < 3;

    /// <summary>A peer from the list other than <paramref name="self"/>: half skewed to the busy ones, half uniform.</summary>
    internal int PeerIn(int[] candidates, int self)
    {
        var rank = _rng.Next(2) == 0 ? _rng.Skewed(candidates.Length) : _rng.Next(candidates.Length);
        return candidates[rank] != self ? candidates[rank] : candidates[(rank + 1) % candidates.Length];
    }
}
