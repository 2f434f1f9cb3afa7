namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: a public workload connects to a host in <see cref="GeneratedNetworks.Forbidden"/>, a network the
    /// policy forbids. The compliance control traffic-to-forbidden-networks finds it (and, being outside the
    /// allow-list, egress-outside-allow-list too).
    /// </summary>
    private void ForbiddenNetwork(ref FlowSample s)
    {
        var local = Pick(ReachablePublicWorkloads);
        var l = _net.Interfaces[local];
        s.Interface = local;
        Conversation(ref s, l.Address, HostIn(203, 0, 113), egress: true, localIsClient: true, 443, 6, 5_000);
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(l.Vpc, 443, insideAws: false);
    }
}
