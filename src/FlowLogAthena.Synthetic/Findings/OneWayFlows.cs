using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// One-way flows. A private workload keeps sending to on-premises peers over the VPN that no longer answer: NetFlow
/// export over UDP from one long-lived socket to a decommissioned collector, and TCP connection attempts (SYN only)
/// to a host that is gone. Its interface logs the egress ACCEPT and never a reverse record.
/// </summary>
internal static class OneWayFlows
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var sender = f.Targets.Diagnose.OneWaySender;
        var l = f.Net.Interfaces[sender];
        s.Interface = sender;
        f.LeaveUnanswered();
        if (f.Rng.Next(10) < 6)
        {
            f.Conversation(ref s, l.Address, DiagnoseTargets.DeadCollector, egress: true, localIsClient: true, 2055, Protocol.Udp, 200);
            s.SrcPort = f.Targets.Diagnose.ExportSourcePort;
        }
        else
        {
            f.Conversation(ref s, l.Address, DiagnoseTargets.DeadHost, egress: true, localIsClient: true, DiagnoseTargets.DeadHostPort, Protocol.Tcp, 3);
            s.TcpFlags = TcpFlags.Syn;
            s.Bytes = s.Packets * 44;
        }
        s.TrafficPath = TrafficPath.VirtualPrivateGateway;
        s.Encryption = f.Encryption(l.Vpc, s.DstPort, insideAws: false);
    }
}
