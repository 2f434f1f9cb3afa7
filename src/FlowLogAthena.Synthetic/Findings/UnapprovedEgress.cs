using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A public workload uploads to a host in <see cref="GeneratedNetworks.UnapprovedEgress"/>, outside every block the
/// ordinary traffic reaches. The compliance control egress-outside-allow-list finds it.
/// </summary>
internal static class UnapprovedEgress
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var local = f.Pick(f.Targets.ReachablePublicWorkloads);
        var l = f.Net.Interfaces[local];
        s.Interface = local;
        f.Conversation(ref s, l.Address, FindingTargets.HostIn(ref f.Rng, 192, 0, 2), egress: true, localIsClient: true, 443, Protocol.Tcp, 50_000);
        s.TrafficPath = f.InternetPath();
        s.Encryption = f.Encryption(l.Vpc, 443, insideAws: false);
    }
}
