namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Planted: one-way flows. A private workload keeps sending to on-premises peers over the VPN that no longer
/// answer: NetFlow export over UDP from one long-lived socket to a decommissioned collector, and TCP connection attempts
/// (SYN only) to a host that is gone. Its interface logs the egress ACCEPT and never a reverse record.
/// </summary>
internal sealed partial class FlowSampler
{
    private void OneWay(ref FlowSample s)
    {
        var sender = _diagnose.OneWaySender;
        var l = _net.Interfaces[sender];
        s.Interface = sender;
        _unanswered = true;
        if (_rng.Next(10) < 6)
        {
            Conversation(ref s, l.Address, DiagnoseTargets.DeadCollector, egress: true, localIsClient: true, 2055, 17, 200);
            s.SrcPort = _diagnose.ExportSourcePort;
        }
        else
        {
            Conversation(ref s, l.Address, DiagnoseTargets.DeadHost, egress: true, localIsClient: true, DiagnoseTargets.DeadHostPort, 6, 3);
            s.TcpFlags = 2;
            s.Bytes = s.Packets * 44;
        }
        s.TrafficPath = 3;
        s.Encryption = Encryption(l.Vpc, s.DstPort, insideAws: false);
    }
}
