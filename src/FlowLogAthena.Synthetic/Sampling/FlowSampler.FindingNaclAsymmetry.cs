using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Planted: the NACL signature. The outbound network ACL of one public subnet allows ephemeral ports 1024–49151
/// only, so a server there accepts a connection from a client whose port is 49152 or above (Windows, most
/// phones) but its reply to that port is dropped on the way out: the interface logs the inbound flow ACCEPT and
/// the reply REJECT. Security groups are stateful and would let the reply out; only a stateless NACL does this.
/// </summary>
internal sealed partial class FlowSampler
{
    /// <summary>An internet client with a high ephemeral port reaching the planted server; the NACL blocks the reply.</summary>
    private void NaclAsymmetry(ref FlowSample s)
    {
        var server = _diagnose.NaclServer;
        var t = _net.Interfaces[server];
        s.Interface = server;
        Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref _rng), egress: false, localIsClient: false, t.ServicePort, 6, 3);
        s.SrcPort = _rng.Next(DiagnoseTargets.NaclEphemeralLimit, 65536);
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(t.Vpc, t.ServicePort, insideAws: false);
    }

    /// <summary>
    /// Applies the planted NACL to any reply leaving the NACL subnet from a service port to a high client port:
    /// the handshake never completes, so the client only retries its SYN and every SYN-ACK is rejected.
    /// </summary>
    private void BlockByNacl(ref FlowSample request, ref FlowSample reply)
    {
        if (reply.Ingress || reply.Interface < 0 || reply.DstPort < DiagnoseTargets.NaclEphemeralLimit || reply.Protocol is not (6 or 17)) return;
        var server = _net.Interfaces[reply.Interface];
        if (server.Subnet != _diagnose.NaclSubnet || reply.SrcPort != server.ServicePort) return;
        reply.Reject = true;
        reply.Encryption = -1;
        if (reply.Protocol != 6) return;
        var header = request.Src.IsV6 ? 60 : 40;
        request.Packets = 1 + _rng.Next(3);
        request.TcpFlags = 2;
        request.Bytes = request.Packets * (header + 4);
        request.End = request.Start + (request.Packets == 1 ? 0 : _rng.Next(1, 61));
        reply.Packets = request.Packets;
        reply.TcpFlags = 18;
        reply.Bytes = reply.Packets * (header + 4);
        reply.End = request.End;
    }
}
