using FlowLogAthena.Synthetic.Network;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// The building blocks every scenario and planted finding writes its record with: one direction of a conversation,
/// a rejected attempt, the remote's AWS service, the internet path, encryption status and the skewed picks.
/// </summary>
internal sealed partial class FlowSampler
{
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
        if (protocol is Protocol.Icmp or Protocol.Icmpv6)
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
        if (protocol == Protocol.Tcp) s.TcpFlags = DrawTcpFlags(fromClient, s.Packets);
        var header = s.Src.IsV6 ? 60 : 40;
        var payload = protocol is Protocol.Icmp or Protocol.Icmpv6 ? 44 : fromClient ? _rng.Next(12, 400) : _rng.Next(200, 1408);
        s.Bytes = s.Packets * (header + payload);
        s.End = s.Start + (s.Packets == 1 ? 0 : _rng.Next(1, 61));
    }

    /// <summary>
    /// Flags OR-ed over the window for packets from the client (SYN, SYN+FIN, FIN) or the server (SYN-ACK,
    /// SYN-ACK+FIN, FIN, RST); none for the middle of a long connection.
    /// </summary>
    private int DrawTcpFlags(bool fromClient, long packets)
    {
        var roll = _rng.Next(100);
        if (fromClient)
            return packets == 1 ? TcpFlags.Syn : roll < 20 ? TcpFlags.Syn : roll < 35 ? TcpFlags.SynFin : roll < 50 ? TcpFlags.Fin : TcpFlags.NoTrackedFlag;
        if (packets == 1) return roll < 80 ? TcpFlags.SynAck : TcpFlags.Rst;
        return roll < 20 ? TcpFlags.SynAck : roll < 35 ? TcpFlags.SynAckFin : roll < 50 ? TcpFlags.Fin : roll < 55 ? TcpFlags.Rst : TcpFlags.NoTrackedFlag;
    }

    /// <summary>Turns the flow into a rejected attempt: a few SYN-sized packets from the initiator.</summary>
    internal void Rejected(ref FlowSample s, bool byBpa)
    {
        s.Reject = true;
        s.RejectedByBpa = byBpa;
        s.Encryption = -1;
        s.Packets = 1 + _rng.Next(3);
        s.Bytes = s.Packets * ((s.Src.IsV6 ? 60 : 40) + (s.Protocol == Protocol.Tcp ? 4 : 44));
        if (s.Protocol == Protocol.Tcp) s.TcpFlags = TcpFlags.Syn;
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

    /// <summary>Through the internet gateway: 8 (Nitro) on most instances, 2 on the older ones.</summary>
    internal int InternetPath() => _rng.Next(4) == 0 ? TrafficPath.InternetGatewayOrGatewayEndpoint : TrafficPath.InternetGatewayNitro;

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
        return insideAws
            ? (tls ? EncryptionStatus.NitroAndApplicationEncrypted : EncryptionStatus.NitroEncrypted)
            : (tls ? EncryptionStatus.ApplicationEncrypted : EncryptionStatus.NotEncrypted);
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
