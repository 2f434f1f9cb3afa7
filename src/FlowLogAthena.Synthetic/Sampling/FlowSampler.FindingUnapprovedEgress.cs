namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: a public workload uploads to a host in <see cref="GeneratedNetworks.UnapprovedEgress"/>, outside every
    /// block the ordinary traffic reaches. The compliance control egress-outside-allow-list finds it.
    /// </summary>
    private void UnapprovedEgress(ref FlowSample s)
    {
        var local = Pick(ReachablePublicWorkloads);
        var l = _net.Interfaces[local];
        s.Interface = local;
        Conversation(ref s, l.Address, HostIn(192, 0, 2), egress: true, localIsClient: true, 443, 6, 50_000);
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(l.Vpc, 443, insideAws: false);
    }
}
