using System.Text;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Network;

/// <summary>What a transit gateway attachment connects to; decides which tgw-* fields its side of a record has.</summary>
internal enum AttachmentKind : byte
{
    Vpc,
    Vpn,
    DirectConnect,
    Peering,
}

/// <summary>
/// One attachment of the hub, with the hosts behind it. A VPC attachment has an interface and subnet in some of
/// the region's AZs (index by zone, null where it has none) and hosts in every zone; other attachments have no
/// VPC, subnet, interface or AZ, as AWS leaves those fields <c>-</c> for them.
/// </summary>
internal sealed class TransitAttachment
{
    public required byte[] Id { get; init; }
    public required AttachmentKind Kind { get; init; }
    public required string Name { get; init; }

    /// <summary>Owner of the VPC behind a VPC attachment; null for the others.</summary>
    public byte[]? VpcAccount { get; init; }

    public byte[]? VpcId { get; init; }

    /// <summary>Per zone of the region: the attachment's subnet, interface and AZ id there, or null.</summary>
    public byte[]?[] SubnetIds { get; init; } = [];

    public byte[]?[] EniIds { get; init; } = [];
    public byte[]?[] AzIds { get; init; } = [];

    /// <summary>Hosts behind the attachment, busiest first, with the zone each is in (-1 outside AWS).</summary>
    public required IpValue[] Hosts { get; init; }

    public required int[] HostZones { get; init; }

    /// <summary>The port and protocol each host serves.</summary>
    public required int[] HostPorts { get; init; }

    public required int[] HostProtocols { get; init; }

    public bool HasZone(int zone) => zone >= 0 && zone < EniIds.Length && EniIds[zone] is not null;

    /// <summary>The first zone the attachment has an interface in.</summary>
    public int FirstZone => Array.FindIndex(EniIds, e => e is not null);
}

/// <summary>
/// The hub-and-spoke estate behind one transit gateway flow log, built once per account and region from the
/// seed: the gateway (owned by the log's account), VPC attachments for the owner's three VPCs (the VPC log's own
/// VPCs and attachment interfaces) and for five spoke VPCs in three other accounts (some spread over fewer AZs,
/// so traffic crosses AZs in the gateway), two site-to-site VPN attachments (a branch whose replies the route
/// table sends back over the other tunnel: asymmetric routing), a Direct Connect gateway attachment and a peering
/// attachment to another region's gateway. Addresses no route covers, and a blackholed CIDR, are where drops go.
/// </summary>
internal sealed class TransitTopology
{
    private const int HostsPerVpc = 48;
    private const int HostsPerSite = 64;

    /// <summary>Spoke VPCs: account (0–2), second octet of 10.x.0.0/16, zones the attachment has interfaces in.</summary>
    private static readonly (int Account, string Name, int Octet, int[] Zones)[] Spokes =
    [
        (0, "payments", 64, [0, 1, 2]), (0, "ledger", 65, [0, 1]), (1, "analytics", 72, [1, 2]),
        (1, "ml", 73, [0, 1]), (2, "partner", 80, [0]),
    ];

    private static readonly int[] SpokePorts = [443, 8080, 5432, 9092, 6379, 443, 8443, 53];

    private FastRandom _rng;

    private TransitTopology(NetworkTopology net, ulong seed)
    {
        _rng = new FastRandom(FastRandom.Mix(seed, FastRandom.Hash(net.Account), FastRandom.Hash(net.Region), 0x7_6A7E));
        TgwId = Encoding.ASCII.GetBytes("tgw-" + _rng.Hex(17));
        SpokeAccounts = Enumerable.Range(0, 3).Select(_ => Encoding.ASCII.GetBytes(Account())).ToArray();
        var attachments = new List<TransitAttachment>();
        for (var v = 0; v < net.Vpcs.Length; v++) attachments.Add(OwnerVpc(net, v));
        OwnerVpcs = Enumerable.Range(0, attachments.Count).ToArray();
        foreach (var spoke in Spokes) attachments.Add(SpokeVpc(net.Region, spoke));
        SpokeVpcs = Enumerable.Range(OwnerVpcs.Length, Spokes.Length).ToArray();
        Branch = Add(attachments, Site(AttachmentKind.Vpn, "branch-vpn", IpValue.V4(172, 16, 0, 0), [22, 443, 3389, 8443]));
        Headquarters = Add(attachments, Site(AttachmentKind.Vpn, "hq-vpn", IpValue.V4(172, 20, 0, 0), [443, 445, 389, 1433]));
        DataCenter = Add(attachments, Site(AttachmentKind.DirectConnect, "datacenter-dx", IpValue.V4(10, 200, 0, 0), [1521, 443, 2049, 9000]));
        PeerRegion = Add(attachments, Site(AttachmentKind.Peering, "peer-region", IpValue.V4(10, 160, 0, 0), [443, 5432, 8080, 9200]));
        Attachments = [.. attachments];
    }

    public byte[] TgwId { get; }

    /// <summary>The three accounts that own the spoke VPCs (the log's own account owns the rest).</summary>
    public byte[][] SpokeAccounts { get; }

    public TransitAttachment[] Attachments { get; }

    /// <summary>Attachment indexes of the owner's VPCs and of the spoke VPCs.</summary>
    public int[] OwnerVpcs { get; }

    public int[] SpokeVpcs { get; }

    /// <summary>The branch office's VPN: its users come in here, but the route table returns 172.16.0.0/16 over <see cref="Headquarters"/>.</summary>
    public int Branch { get; }

    public int Headquarters { get; }
    public int DataCenter { get; }
    public int PeerRegion { get; }

    /// <summary>The attachment a reply to a host behind <paramref name="attachment"/> leaves through.</summary>
    public int ReturnPath(int attachment) => attachment == Branch ? Headquarters : attachment;

    /// <summary>Addresses no route in the gateway's route table covers (10.250.0.0/16).</summary>
    public static IpValue Unrouted(ref FastRandom rng) => IpValue.V4(10, 250, rng.Next(256), rng.Next(1, 255));

    /// <summary>A decommissioned VPC's CIDR, left as a blackhole route (10.99.0.0/16).</summary>
    public static IpValue Blackholed(ref FastRandom rng) => IpValue.V4(10, 99, rng.Next(256), rng.Next(1, 255));

    public static TransitTopology Build(NetworkTopology net, ulong seed) => new(net, seed);

    private static int Add(List<TransitAttachment> attachments, TransitAttachment attachment)
    {
        attachments.Add(attachment);
        return attachments.Count - 1;
    }

    /// <summary>The owner's VPC, with the attachment interfaces the VPC log's network already has in each AZ.</summary>
    private TransitAttachment OwnerVpc(NetworkTopology net, int v)
    {
        var zones = net.TransitGateways[v].Length;
        var enis = net.TransitGateways[v].Select(i => net.Interfaces[i]).ToArray();
        var hosts = net.VpcWorkloads[v].Where(i => net.Subnets[net.Interfaces[i].Subnet].Zone >= 0).Take(HostsPerVpc).ToArray();
        return new TransitAttachment
        {
            Id = Id("tgw-attach-"),
            Kind = AttachmentKind.Vpc,
            Name = net.Vpcs[v].Name,
            VpcAccount = net.AccountUtf8,
            VpcId = net.Vpcs[v].Id,
            SubnetIds = enis.Select(e => net.Subnets[e.Subnet].Id).ToArray(),
            EniIds = enis.Select(e => e.Id).ToArray(),
            AzIds = enis.Select(e => net.Subnets[e.Subnet].AzId).ToArray(),
            Hosts = hosts.Select(i => net.Interfaces[i].Address).ToArray(),
            HostZones = hosts.Select(i => net.Subnets[net.Interfaces[i].Subnet].Zone).ToArray(),
            HostPorts = hosts.Select(i => net.Interfaces[i].ServicePort).ToArray(),
            HostProtocols = hosts.Select(i => net.Interfaces[i].ServiceProtocol).ToArray(),
        };
    }

    private TransitAttachment SpokeVpc(string region, (int Account, string Name, int Octet, int[] Zones) spoke)
    {
        const int zones = 3;
        var subnets = new byte[]?[zones];
        var enis = new byte[]?[zones];
        var azIds = new byte[]?[zones];
        var attachmentId = Id("tgw-attach-");
        var vpcId = Id("vpc-");
        foreach (var zone in spoke.Zones)
        {
            subnets[zone] = Id("subnet-");
            enis[zone] = Id("eni-");
            azIds[zone] = Encoding.ASCII.GetBytes(RegionNames.AzId(region, zone));
        }
        var hosts = new IpValue[HostsPerVpc];
        var hostZones = new int[HostsPerVpc];
        var ports = new int[HostsPerVpc];
        for (var h = 0; h < HostsPerVpc; h++)
        {
            hostZones[h] = h % zones;
            hosts[h] = IpValue.V4(10, spoke.Octet, (hostZones[h] * 16) + _rng.Next(16), _rng.Next(4, 255));
            ports[h] = SpokePorts[_rng.Next(SpokePorts.Length)];
        }
        return new TransitAttachment
        {
            Id = attachmentId,
            Kind = AttachmentKind.Vpc,
            Name = spoke.Name,
            VpcAccount = SpokeAccounts[spoke.Account],
            VpcId = vpcId,
            SubnetIds = subnets,
            EniIds = enis,
            AzIds = azIds,
            Hosts = hosts,
            HostZones = hostZones,
            HostPorts = ports,
            HostProtocols = ports.Select(p => p == 53 ? Protocol.Udp : Protocol.Tcp).ToArray(),
        };
    }

    /// <summary>A network outside the region's VPCs (an office, a data center, another region) in a /16.</summary>
    private TransitAttachment Site(AttachmentKind kind, string name, IpValue network, int[] servicePorts)
    {
        var hosts = new IpValue[HostsPerSite];
        for (var h = 0; h < HostsPerSite; h++)
            hosts[h] = IpValue.V4(network.V4Bits | (uint)((_rng.Next(64) << 8) | _rng.Next(4, 255)));
        return new TransitAttachment
        {
            Id = Id("tgw-attach-"),
            Kind = kind,
            Name = name,
            Hosts = hosts,
            HostZones = Enumerable.Repeat(-1, HostsPerSite).ToArray(),
            HostPorts = Enumerable.Range(0, HostsPerSite).Select(h => servicePorts[h % servicePorts.Length]).ToArray(),
            HostProtocols = Enumerable.Repeat(Protocol.Tcp, HostsPerSite).ToArray(),
        };
    }

    private byte[] Id(string prefix) => Encoding.ASCII.GetBytes(prefix + _rng.Hex(17));

    /// <summary>A 12-digit account id that never starts with the owner's leading zero, so the spokes stand out.</summary>
    private string Account() => (1 + _rng.Next(9)).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + string.Concat(Enumerable.Range(0, 11).Select(_ => (char)('0' + _rng.Next(10))));
}
