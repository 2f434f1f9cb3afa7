using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Replies: a flow log records both directions of a conversation at the interface, so every accepted record
/// (TCP, UDP, ICMP; not rejects, NODATA or SKIPDATA) is followed by the other direction's record. The reply has
/// the addresses, ports, pkt-* addresses and AWS services swapped, the other flow-direction, the same interface,
/// next hop and encryption, its own packets, bytes and TCP flags from the other side, and starts in the same
/// aggregation interval (the same start, so record starts still rise through the file).
/// </summary>
internal sealed partial class FlowSampler
{
    private FlowSample _reply;
    private bool _hasReply;

    /// <summary>Set by a scenario whose accepted traffic gets no answer (a one-way flow).</summary>
    private bool _unanswered;

    /// <summary>Whether the drawn record carries the client's packets (set by <see cref="Conversation"/>).</summary>
    private bool _fromClient;

    /// <summary>The drawn record is accepted but never answered (a one-way flow): no reply follows it.</summary>
    internal void LeaveUnanswered() => _unanswered = true;

    /// <summary>The reply to the record drawn last, once: the caller writes it as the next record.</summary>
    public bool TryTakeQueued(ref FlowSample s)
    {
        if (!_hasReply) return false;
        s = _reply;
        _hasReply = false;
        return true;
    }

    /// <summary>Queues the other direction of <paramref name="request"/>; findings may then change <see cref="_reply"/>.</summary>
    private void Answer(in FlowSample request)
    {
        ref var r = ref _reply;
        r = request;
        r.Ingress = !request.Ingress;
        r.Src = request.Dst;
        r.Dst = request.Src;
        r.PktSrc = request.PktDst;
        r.PktDst = request.PktSrc;
        r.SrcPort = request.DstPort;
        r.DstPort = request.SrcPort;
        r.SrcService = request.DstService;
        r.DstService = request.SrcService;
        var fromClient = !_fromClient;
        r.Packets = request.Packets == 1 ? 1 : Math.Max(1, request.Packets * _rng.Next(50, 151) / 100);
        if (request.Protocol == Protocol.Tcp) r.TcpFlags = ReplyFlags(request.TcpFlags, fromClient);
        var header = r.Src.IsV6 ? 60 : 40;
        var payload = request.Protocol is Protocol.Icmp or Protocol.Icmpv6 ? 44 : fromClient ? _rng.Next(12, 400) : _rng.Next(200, 1408);
        r.Bytes = r.Packets * (header + payload);
        r.End = r.Packets == 1 ? r.Start : request.End > request.Start ? request.End : r.Start + _rng.Next(1, 61);
        _hasReply = true;
    }

    /// <summary>
    /// The flags the other side sends in the same interval: SYN is answered by SYN-ACK (or RST), SYN+FIN (a whole
    /// short connection) by SYN-ACK+FIN, FIN by FIN; and the server's flags the other way round.
    /// </summary>
    private static int ReplyFlags(int flags, bool fromClient) => fromClient
        ? flags switch { TcpFlags.SynAck or TcpFlags.Rst => TcpFlags.Syn, TcpFlags.SynAckFin => TcpFlags.SynFin, _ => flags }
        : flags switch { TcpFlags.Syn => TcpFlags.SynAck, TcpFlags.SynFin => TcpFlags.SynAckFin, _ => flags };
}
