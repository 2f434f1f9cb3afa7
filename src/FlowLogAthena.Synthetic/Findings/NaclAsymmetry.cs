using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// The NACL signature. The outbound network ACL of one public subnet allows ephemeral ports 1024–49151 only, so a
/// server there accepts a connection from a client whose port is 49152 or above (Windows, most phones) but its reply
/// to that port is dropped on the way out: the interface logs the inbound flow ACCEPT and the reply REJECT. Security
/// groups are stateful and would let the reply out; only a stateless NACL does this.
/// </summary>
internal static class NaclAsymmetry
{
    /// <summary>An internet client with a high ephemeral port reaching the planted server; the NACL blocks the reply.</summary>
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var server = f.Targets.Diagnose.NaclServer;
        var t = f.Net.Interfaces[server];
        s.Interface = server;
        f.Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref f.Rng), egress: false, localIsClient: false, t.ServicePort, Protocol.Tcp, 3);
        s.SrcPort = f.Rng.Next(DiagnoseTargets.NaclEphemeralLimit, 65536);
        s.TrafficPath = f.InternetPath();
        s.Encryption = f.Encryption(t.Vpc, t.ServicePort, insideAws: false);
    }

    /// <summary>
    /// Applies the planted NACL to any reply leaving the NACL subnet from a service port to a high client port: the
    /// handshake never completes, so the client only retries its SYN and every SYN-ACK is rejected.
    /// </summary>
    public static void BlockReply(FlowSampler f, ref FlowSample request, ref FlowSample reply)
    {
        if (reply.Ingress || reply.Interface < 0 || reply.DstPort < DiagnoseTargets.NaclEphemeralLimit || reply.Protocol is not (Protocol.Tcp or Protocol.Udp)) return;
        var server = f.Net.Interfaces[reply.Interface];
        if (server.Subnet != f.Targets.Diagnose.NaclSubnet || reply.SrcPort != server.ServicePort) return;
        reply.Reject = true;
        reply.Encryption = -1;
        if (reply.Protocol != Protocol.Tcp) return;
        var header = request.Src.IsV6 ? 60 : 40;
        request.Packets = 1 + f.Rng.Next(3);
        request.TcpFlags = TcpFlags.Syn;
        request.Bytes = request.Packets * (header + 4);
        request.End = request.Start + (request.Packets == 1 ? 0 : f.Rng.Next(1, 61));
        reply.Packets = request.Packets;
        reply.TcpFlags = TcpFlags.SynAck;
        reply.Bytes = reply.Packets * (header + 4);
        reply.End = request.End;
    }
}
