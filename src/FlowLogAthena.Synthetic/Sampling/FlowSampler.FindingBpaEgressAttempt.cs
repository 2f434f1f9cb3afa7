namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: a workload under Block Public Access tries to reach the internet through the internet gateway and
    /// BPA rejects it (reject-reason BPA, source inside). The compliance control rejected-by-vpc-controls finds it.
    /// </summary>
    private void BpaEgressAttempt(ref FlowSample s)
    {
        var local = Pick(BlockedPublicWorkloads);
        var l = _net.Interfaces[local];
        var (remote, service) = PopularOrFresh(freshPerTenThousand: 5000);
        s.Interface = local;
        Conversation(ref s, l.Address, remote, egress: true, localIsClient: true, 443, 6, 4);
        SetRemoteService(ref s, service);
        s.TrafficPath = InternetPath();
        Rejected(ref s, byBpa: true);
    }
}
