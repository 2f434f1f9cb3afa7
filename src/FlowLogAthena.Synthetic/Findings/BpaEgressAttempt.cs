using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A workload under Block Public Access tries to reach the internet through the internet gateway and BPA rejects it
/// (reject-reason BPA, source inside). The compliance control rejected-by-vpc-controls finds it.
/// </summary>
internal static class BpaEgressAttempt
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var local = f.Pick(f.Targets.BlockedPublicWorkloads);
        var l = f.Net.Interfaces[local];
        var (remote, service) = f.PopularOrFresh(freshPerTenThousand: 5000);
        s.Interface = local;
        f.Conversation(ref s, l.Address, remote, egress: true, localIsClient: true, 443, Protocol.Tcp, 4);
        FlowSampler.SetRemoteService(ref s, service);
        s.TrafficPath = f.InternetPath();
        f.Rejected(ref s, byBpa: true);
    }
}
