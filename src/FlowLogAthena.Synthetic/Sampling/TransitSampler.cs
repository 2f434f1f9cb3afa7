using FlowLogAthena.Synthetic.Network;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Draws the records of a Transit Gateway flow log over a <see cref="TransitTopology"/>. Packets crossing the
/// gateway are logged twice: an ingress record at the attachment they entered by (its pair: the attachment they
/// left by) and an egress record at the attachment they left by (its pair: the one they entered by), both with the
/// same source and destination VPC, subnet, interface and AZ fields. A conversation is four records: the request's
/// two, then the reply's two. Dropped packets are counted on the ingress record (packets-lost-*); a flow the
/// gateway dropped entirely (no route, blackhole) has no egress record, no pair attachment and no destination.
/// The gateway keeps a flow in the AZ it entered by when the destination attachment has an interface there, so
/// flows cross AZs only towards attachments missing that AZ. Replies to the branch office leave over the
/// headquarters VPN (asymmetric routing).
/// </summary>
internal sealed class TransitSampler : IRecordSampler
{
    /// <summary>Fills the queue with one scenario's records.</summary>
    private delegate void DrawRecords(TransitSampler sampler, long start);

    private sealed record Scenario(string Name, int Weight, DrawRecords Draw);

    /// <summary>Every scenario in the order a roll walks them; the shares (in 1/10,000) sum to 10,000.</summary>
    private static readonly Scenario[] Scenarios =
    [
        new(nameof(OwnerEastWest), 2000, static (f, start) => f.OwnerEastWest(start)),
        new(nameof(SharedServices), 2500, static (f, start) => f.SharedServices(start)),
        new(nameof(SpokeToSpoke), 1000, static (f, start) => f.SpokeToSpoke(start)),
        new("BranchUsers", 800, static (f, start) => f.SiteUsers(start, f._hub.Branch)),
        new("HeadquartersUsers", 700, static (f, start) => f.SiteUsers(start, f._hub.Headquarters)),
        new(nameof(DataCenter), 1200, static (f, start) => f.DataCenter(start)),
        new(nameof(PeerRegion), 800, static (f, start) => f.PeerRegion(start)),
        new(nameof(NoRoute), 300, static (f, start) => f.NoRoute(start)),
        new(nameof(Blackhole), 250, static (f, start) => f.Blackhole(start)),
        new(nameof(MtuExceeded), 250, static (f, start) => f.MtuExceeded(start)),
        new(nameof(TtlExpired), 200, static (f, start) => f.TtlExpired(start)),
    ];

    /// <summary>A host behind an attachment.</summary>
    private readonly record struct End(int Attachment, int Host);

    /// <summary>Packets the gateway drops from a flow, by reason.</summary>
    private readonly record struct Loss(long NoRoute = 0, long Blackhole = 0, long MtuExceeded = 0, long TtlExpired = 0)
    {
        public long Total => NoRoute + Blackhole + MtuExceeded + TtlExpired;
    }

    private readonly TransitTopology _hub;
    private readonly FlowSample[] _queue = new FlowSample[4];
    private int _head;
    private int _count;
    private FastRandom _rng;

    public TransitSampler(TransitTopology hub, ulong seed)
    {
        _hub = hub;
        _rng = new FastRandom(seed);
    }

    public long NextInt64(long maxExclusive) => _rng.NextInt64(maxExclusive);

    public bool TryTakeQueued(ref FlowSample sample)
    {
        if (_head >= _count) return false;
        sample = _queue[_head++];
        return true;
    }

    /// <summary>Draws until the records fit in the room left, so a conversation is never cut off by a file's end.</summary>
    public void Next(ref FlowSample sample, long start, long room)
    {
        do
        {
            _head = 0;
            _count = 0;
            DrawOrdinary(start);
        }
        while (_count > room);
        sample = _queue[_head++];
    }

    private void DrawOrdinary(long start)
    {
        var roll = _rng.Next(10_000);
        foreach (var scenario in Scenarios)
        {
            if (roll < scenario.Weight)
            {
                scenario.Draw(this, start);
                return;
            }
            roll -= scenario.Weight;
        }
        OwnerEastWest(start); // not reached while the shares sum to 10,000
    }

    // --- Scenarios -------------------------------------------------------------------------------------------

    private void OwnerEastWest(long start)
    {
        var owner = _hub.OwnerVpcs;
        var a = owner[_rng.Skewed(owner.Length)];
        var b = owner[(Array.IndexOf(owner, a) + 1 + _rng.Next(owner.Length - 1)) % owner.Length];
        Conversation(start, Host(a), Host(b));
    }

    /// <summary>Spoke workloads calling the owner's shared-services and prod VPCs (cross-account).</summary>
    private void SharedServices(long start)
    {
        var spoke = _hub.SpokeVpcs[_rng.Skewed(_hub.SpokeVpcs.Length)];
        var server = _rng.Chance(7000) ? _hub.OwnerVpcs[^1] : _hub.OwnerVpcs[0];
        Conversation(start, Host(spoke), Host(server));
    }

    private void SpokeToSpoke(long start)
    {
        var spokes = _hub.SpokeVpcs;
        var a = _rng.Next(spokes.Length);
        var b = (a + 1 + _rng.Next(spokes.Length - 1)) % spokes.Length;
        Conversation(start, Host(spokes[a]), Host(spokes[b]));
    }

    /// <summary>Office users over a VPN calling services in any VPC; the route table decides where replies leave.</summary>
    private void SiteUsers(long start, int site)
    {
        var vpc = _rng.Chance(6000) ? _hub.OwnerVpcs[_rng.Next(_hub.OwnerVpcs.Length)] : _hub.SpokeVpcs[_rng.Skewed(_hub.SpokeVpcs.Length)];
        Conversation(start, Host(site), Host(vpc));
    }

    private void DataCenter(long start)
    {
        var vpc = AnyVpc();
        if (_rng.Chance(5000)) Conversation(start, Host(vpc), Host(_hub.DataCenter));
        else Conversation(start, Host(_hub.DataCenter), Host(vpc));
    }

    private void PeerRegion(long start)
    {
        var vpc = AnyVpc();
        if (_rng.Chance(7000)) Conversation(start, Host(vpc), Host(_hub.PeerRegion));
        else Conversation(start, Host(_hub.PeerRegion), Host(vpc));
    }

    /// <summary>A connection attempt to 10.250.0.0/16, which no route covers: every packet lost, no reply.</summary>
    private void NoRoute(long start)
    {
        var packets = 1 + _rng.Next(6);
        Dropped(start, Host(AnyVpc()), TransitTopology.Unrouted(ref _rng), packets, new Loss(NoRoute: packets));
    }

    /// <summary>Traffic still sent to a decommissioned VPC's CIDR, now a blackhole route.</summary>
    private void Blackhole(long start)
    {
        var packets = 1 + _rng.Next(20);
        Dropped(start, Host(AnyVpc()), TransitTopology.Blackholed(ref _rng), packets, new Loss(Blackhole: packets));
    }

    /// <summary>Jumbo UDP (VXLAN, 8,500-byte packets) from a VPC to headquarters over a 1,500-byte VPN: most dropped.</summary>
    private void MtuExceeded(long start)
    {
        var from = Host(AnyVpc());
        var to = Host(_hub.Headquarters);
        var packets = 10 + _rng.LogUniform(300);
        var lost = Math.Max(1, packets * _rng.Next(40, 90) / 100);
        Pass(start, from, to, to.Attachment, Ephemeral(), 4789, Protocol.Udp, packets, packets * 8_500, -1, new Loss(MtuExceeded: lost));
    }

    /// <summary>A traceroute towards the peer region: the probes with the lowest TTLs expire in the gateway.</summary>
    private void TtlExpired(long start)
    {
        var from = Host(AnyVpc());
        var to = Host(_hub.PeerRegion);
        var packets = 4 + _rng.Next(12);
        var lost = 1 + _rng.Next(3);
        Pass(start, from, to, to.Attachment, Ephemeral(), 33434 + _rng.Next(30), Protocol.Udp, packets, packets * 60, -1, new Loss(TtlExpired: lost));
    }

    // --- Building blocks -------------------------------------------------------------------------------------

    private End Host(int attachment) => new(attachment, _rng.Skewed(_hub.Attachments[attachment].Hosts.Length));

    private int AnyVpc() => _rng.Chance(5000) ? _hub.OwnerVpcs[_rng.Skewed(_hub.OwnerVpcs.Length)] : _hub.SpokeVpcs[_rng.Skewed(_hub.SpokeVpcs.Length)];

    private int Ephemeral() => 32768 + _rng.Next(28232);

    /// <summary>A request to the server's port and its answer: two passes through the gateway, four records.</summary>
    private void Conversation(long start, End client, End server)
    {
        var target = _hub.Attachments[server.Attachment];
        var port = target.HostPorts[server.Host];
        var protocol = target.HostProtocols[server.Host];
        var tcp = protocol == Protocol.Tcp;
        var clientPort = Ephemeral();
        var requestPackets = 1 + _rng.LogUniform(80);
        var replyPackets = Math.Max(1, requestPackets * _rng.Next(50, 400) / 100);
        Pass(start, client, server, server.Attachment, clientPort, port, protocol, requestPackets, requestPackets * (40 + _rng.Next(12, 400)),
            tcp ? TcpFlags.SynFin : -1, default);
        Pass(start, server, client, _hub.ReturnPath(client.Attachment), port, clientPort, protocol, replyPackets, replyPackets * (40 + _rng.Next(200, 1408)),
            tcp ? TcpFlags.SynAckFin : -1, default);
    }

    /// <summary>Packets to an address the gateway cannot deliver to: one ingress record, nothing leaves.</summary>
    private void Dropped(long start, End from, IpValue destination, long packets, Loss loss)
    {
        var source = _hub.Attachments[from.Attachment];
        ref var s = ref Record(start, from, source.Hosts[from.Host], destination);
        s.SrcZone = ZoneOf(source, source.HostZones[from.Host]);
        s.SrcPort = Ephemeral();
        s.DstPort = _rng.Chance(5000) ? 443 : 5432;
        s.Protocol = Protocol.Tcp;
        s.TcpFlags = TcpFlags.Syn;
        s.Packets = packets;
        s.Bytes = packets * 60;
        s.End = start + (packets == 1 ? 0 : _rng.Next(1, 60));
        s.Ingress = true;
        SetLoss(ref s, loss);
    }

    /// <summary>
    /// One pass of packets from a host behind one attachment to a host behind another, leaving by
    /// <paramref name="exit"/>: the ingress record (with any loss), then the egress record with what was not lost.
    /// </summary>
    private void Pass(long start, End from, End to, int exit, int srcPort, int dstPort, int protocol, long packets, long bytes, int tcpFlags, Loss loss)
    {
        var source = _hub.Attachments[from.Attachment];
        var destination = _hub.Attachments[exit];
        var srcZone = source.Kind == AttachmentKind.Vpc ? ZoneOf(source, source.HostZones[from.Host]) : -1;
        var hostZone = _hub.Attachments[to.Attachment].HostZones[to.Host];
        var dstZone = destination.Kind != AttachmentKind.Vpc ? -1 : destination.HasZone(srcZone) ? srcZone : ZoneOf(destination, hostZone);
        var end = start + (packets == 1 ? 0 : _rng.Next(1, 60));

        ref var ingress = ref Record(start, from, source.Hosts[from.Host], _hub.Attachments[to.Attachment].Hosts[to.Host]);
        ingress.DstAttachment = exit;
        ingress.SrcZone = srcZone;
        ingress.DstZone = dstZone;
        ingress.SrcPort = srcPort;
        ingress.DstPort = dstPort;
        ingress.Protocol = protocol;
        ingress.Packets = packets;
        ingress.Bytes = bytes;
        ingress.TcpFlags = tcpFlags;
        ingress.End = end;
        ingress.Ingress = true;
        SetLoss(ref ingress, loss);

        var delivered = packets - loss.Total;
        if (delivered <= 0) return;
        ref var egress = ref _queue[_count++];
        egress = _queue[_count - 2];
        egress.Ingress = false;
        egress.Packets = delivered;
        egress.Bytes = bytes / packets * delivered;
        SetLoss(ref egress, default);
    }

    /// <summary>The host's zone when the attachment has an interface there, else the attachment's first zone.</summary>
    private static int ZoneOf(TransitAttachment attachment, int hostZone) => attachment.HasZone(hostZone) ? hostZone : attachment.FirstZone;

    private ref FlowSample Record(long start, End from, IpValue src, IpValue dst)
    {
        ref var s = ref _queue[_count++];
        s = FlowSample.Empty(start);
        s.SrcAttachment = from.Attachment;
        s.Src = src;
        s.Dst = dst;
        s.PktSrc = src;
        s.PktDst = dst;
        return ref s;
    }

    private static void SetLoss(ref FlowSample s, Loss loss)
    {
        s.LostNoRoute = loss.NoRoute;
        s.LostBlackhole = loss.Blackhole;
        s.LostMtuExceeded = loss.MtuExceeded;
        s.LostTtlExpired = loss.TtlExpired;
    }
}
