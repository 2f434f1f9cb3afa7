using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// An internet-facing workload accepts Telnet (TCP 23) from an internet host, a forgotten telnetd behind an open
/// security group. The compliance control insecure-protocols-accepted finds it.
/// </summary>
internal static class TelnetFromInternet
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var target = f.Pick(f.Targets.ReachablePublicWorkloads);
        var t = f.Net.Interfaces[target];
        s.Interface = target;
        f.Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref f.Rng), egress: false, localIsClient: false, 23, Protocol.Tcp, 500);
        s.Encryption = f.Encryption(t.Vpc, 23, insideAws: false);
    }
}
