using FlowLogAthena.Synthetic.Findings;
using FlowLogAthena.Synthetic.Network;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Scenarios that cross the internet: egress and ingress through the internet gateway (IPv4 and IPv6), private
/// subnets through their NAT gateway, port scans, pings, and edge workloads in Local Zones and Wavelength.
/// </summary>
internal sealed partial class FlowSampler
{
    private static readonly int[] CommonScanPorts =
        [21, 22, 23, 25, 53, 80, 110, 135, 139, 443, 445, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200, 11211, 27017];

    private static readonly int[] UdpScanPorts = [53, 123, 137, 161, 500, 1900, 5060, 11211];

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
        var (port, protocol) = roll < 70 ? (443, Protocol.Tcp) : roll < 82 ? (80, Protocol.Tcp) : roll < 88 ? (123, Protocol.Udp) : roll < 94 ? (53, Protocol.Udp) : (22, Protocol.Tcp);
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
        Conversation(ref s, l.Address, remote, egress, localIsClient: true, port, protocol, protocol == Protocol.Udp ? 4 : 50_000);
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
        Conversation(ref s, t.Address, client, egress, localIsClient: false, port, Protocol.Tcp, 20_000);
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
        var (port, protocol) = roll < 75 ? (443, Protocol.Tcp) : roll < 90 ? (80, Protocol.Tcp) : (123, Protocol.Udp);
        ThroughNatGateway(ref s, instance, remote, service, port, protocol, protocol == Protocol.Udp ? 4 : 20_000);
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
            s.TrafficPath = TrafficPath.SameVpc;
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
                s.TrafficPath = TrafficPath.SameVpc;
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
                s.TrafficPath = TrafficPath.SameVpc;
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
        var protocol = roll < 85 ? Protocol.Tcp : roll < 95 ? Protocol.Udp : Protocol.Icmp;
        var port = protocol switch
        {
            Protocol.Tcp => _rng.Next(2) == 0 ? _rng.Next(1, 65536) : CommonScanPorts[_rng.Next(CommonScanPorts.Length)],
            Protocol.Udp => UdpScanPorts[_rng.Next(UdpScanPorts.Length)],
            _ => 0,
        };
        s.Interface = target;
        s.Ingress = true;
        s.Src = s.PktSrc = _remote.Scanners[scanner];
        s.Dst = s.PktDst = t.Address;
        s.Protocol = protocol;
        s.SrcPort = protocol == Protocol.Icmp ? 0 : _remote.ScannerBasePorts[scanner] + _rng.Next(16);
        s.DstPort = port;
        s.TcpFlags = protocol == Protocol.Tcp ? TcpFlags.Syn : -1;
        s.Packets = 1 + _rng.Next(2);
        s.Bytes = s.Packets * (protocol == Protocol.Tcp ? 44 : 28 + _rng.Next(60));
        s.End = s.Start + (s.Packets == 1 ? 0 : _rng.Next(1, 4));
        var open = !vpc.BlockPublicAccess && protocol == Protocol.Tcp && port == t.ServicePort && port is 80 or 443;
        if (!open) Rejected(ref s, byBpa: vpc.BlockPublicAccess);
        else s.TrafficPath = InternetPath(); // an open port answers the probe, out through the internet gateway
    }

    /// <summary>Local Zone and Wavelength workloads serving nearby users straight from the internet.</summary>
    private void EdgeInternet(ref FlowSample s)
    {
        var local = Pick(_net.EdgeInternet);
        var l = _net.Interfaces[local];
        var egress = _rng.Next(2) == 0;
        s.Interface = local;
        Conversation(ref s, l.Address, AwsServices.NonAwsAddress(ref _rng), egress, localIsClient: false, l.ServicePort, Protocol.Tcp, 20_000);
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
            s.TrafficPath = p.Vpc == l.Vpc ? TrafficPath.SameVpc : TrafficPath.IntraRegionPeering;
            s.Encryption = Encryption(l.Vpc, server.ServicePort, insideAws: true);
            return;
        }
        var remote = _rng.Next(2) == 0 ? _remote.PopularV6[_rng.Skewed(_remote.PopularV6.Length)] : RemoteAddresses.RandomV6(ref _rng);
        if (roll < 30) Conversation(ref s, l.Ipv6, remote, egress, localIsClient: true, 0, Protocol.Icmpv6, 10); // ICMPv6
        else
        {
            // Only public-subnet servers take connections from the internet; private ones just reach out.
            var localIsClient = !_net.Subnets[l.Subnet].IsPublic || _rng.Next(10) < 7;
            var port = localIsClient ? (_rng.Next(5) == 0 ? 80 : 443) : l.ServicePort;
            // As over IPv4, admin ports turn internet hosts away: the security groups let only the office in.
            var adminAttempt = !localIsClient && port is 22 or 3389;
            Conversation(ref s, l.Ipv6, remote, egress && !adminAttempt, localIsClient, port, Protocol.Tcp, 20_000);
            if (adminAttempt)
            {
                Rejected(ref s, byBpa: false);
                return;
            }
        }
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(l.Vpc, s.Protocol == Protocol.Icmpv6 ? 0 : 443, insideAws: false);
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
            Conversation(ref s, l.Address, _net.Interfaces[peer].Address, egress, _rng.Next(2) == 0, 0, Protocol.Icmp, 10);
            s.TrafficPath = TrafficPath.SameVpc;
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
        Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref _rng), egress, localIsClient: false, 0, Protocol.Icmp, 4);
        if (reject)
        {
            Rejected(ref s, byBpa: vpc.BlockPublicAccess);
            return;
        }
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(t.Vpc, 0, insideAws: false);
    }
}
