using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: an internet-facing workload accepts Telnet (TCP 23) from an internet host, a forgotten telnetd
    /// behind an open security group. The compliance control insecure-protocols-accepted finds it.
    /// </summary>
    private void TelnetFromInternet(ref FlowSample s)
    {
        var target = Pick(ReachablePublicWorkloads);
        var t = _net.Interfaces[target];
        s.Interface = target;
        Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref _rng), egress: false, localIsClient: false, 23, 6, 500);
        s.Encryption = Encryption(t.Vpc, 23, insideAws: false);
    }
}
