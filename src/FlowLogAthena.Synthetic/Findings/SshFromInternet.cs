using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A bastion accepts SSH from an arbitrary internet host, neither the office nor EC2 Instance Connect: a security
/// group opened to 0.0.0.0/0. The compliance control admin-access-from-internet finds it.
/// </summary>
internal static class SshFromInternet
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var target = f.Pick(f.Targets.Bastions);
        var t = f.Net.Interfaces[target];
        s.Interface = target;
        f.Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref f.Rng), egress: false, localIsClient: false, 22, Protocol.Tcp, 2_000);
        s.Encryption = f.Encryption(t.Vpc, 22, insideAws: false);
    }
}
