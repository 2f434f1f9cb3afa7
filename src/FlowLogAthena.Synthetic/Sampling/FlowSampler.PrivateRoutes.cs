using FlowLogAthena.Synthetic.Network;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Scenarios over private routes: inside a VPC, to AWS services, to the other VPCs by peering, and to the company's
/// networks over the VPN, the Outposts local gateway and the transit gateway; and the idle records (NODATA, SKIPDATA).
/// </summary>
internal sealed partial class FlowSampler
{
    private static readonly int[] OnPremisesPorts = [443, 1433, 389, 445, 22, 3389];

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
        s.TrafficPath = TrafficPath.SameVpc;
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
        Conversation(ref s, l.Address, _net.Vpcs[l.Vpc].Resolver, egress, localIsClient: true, 53, Protocol.Udp, 12);
        s.TrafficPath = TrafficPath.SameVpc;
        s.Encryption = Encryption(l.Vpc, 53, insideAws: true);
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
            Conversation(ref s, l.Address, e.Address, egress, localIsClient: true, 443, Protocol.Tcp, 5_000);
        }
        else
        {
            s.Interface = endpoint;
            s.NextHop = local;
            Conversation(ref s, e.Address, l.Address, egress, localIsClient: false, 443, Protocol.Tcp, 5_000);
        }
        s.TrafficPath = TrafficPath.SameVpc;
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
        Conversation(ref s, l.Address, remote, egress, localIsClient: true, 443, Protocol.Tcp, service == AwsServices.DynamoDb ? 5_000 : 500_000);
        SetRemoteService(ref s, service);
        s.TrafficPath = _rng.Next(4) == 0 ? TrafficPath.InternetGatewayOrGatewayEndpoint : TrafficPath.GatewayEndpointNitro;
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
        Conversation(ref s, l.Address, _remote.OnPremises[_rng.Skewed(_remote.OnPremises.Length)], egress, localIsClient, port, Protocol.Tcp, 20_000);
        s.TrafficPath = TrafficPath.VirtualPrivateGateway;
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
            s.TrafficPath = TrafficPath.IntraRegionPeering;
            s.Encryption = Encryption(l.Vpc, server.ServicePort, insideAws: true);
        }
        else
        {
            var remote = _remote.InterRegionPeers[_rng.Skewed(_remote.InterRegionPeers.Length)];
            var port = localIsClient ? 443 : l.ServicePort;
            Conversation(ref s, l.Address, remote, egress, localIsClient, port, Protocol.Tcp, 20_000);
            s.TrafficPath = TrafficPath.InterRegionPeering;
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
        Conversation(ref s, l.Address, _remote.OutpostLan[_rng.Skewed(_remote.OutpostLan.Length)], egress, localIsClient, port, Protocol.Tcp, 20_000);
        s.TrafficPath = TrafficPath.LocalGateway;
        s.Encryption = Encryption(l.Vpc, port, insideAws: false);
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
        Conversation(ref s, l.Address, _remote.TransitPeers[_rng.Skewed(_remote.TransitPeers.Length)], egress, localIsClient, port, Protocol.Tcp, 20_000);
        s.TrafficPath = TrafficPath.SameVpc;
        s.Encryption = Encryption(l.Vpc, port, insideAws: false);
    }
}
