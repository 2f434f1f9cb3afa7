using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A public workload connects to a host in <see cref="GeneratedNetworks.Forbidden"/>, a network the policy forbids.
/// The compliance control traffic-to-forbidden-networks finds it (and, being outside the allow-list,
/// egress-outside-allow-list too).
/// </summary>
internal static class ForbiddenNetwork
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var local = f.Pick(f.Targets.ReachablePublicWorkloads);
        var l = f.Net.Interfaces[local];
        s.Interface = local;
        f.Conversation(ref s, l.Address, FindingTargets.HostIn(ref f.Rng, 203, 0, 113), egress: true, localIsClient: true, 443, Protocol.Tcp, 5_000);
        s.TrafficPath = f.InternetPath();
        s.Encryption = f.Encryption(l.Vpc, 443, insideAws: false);
    }
}
