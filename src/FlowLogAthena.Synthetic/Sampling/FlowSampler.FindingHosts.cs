using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// An instance in a private subnet of the VPC's zone: <paramref name="rank"/> counts from the busiest, or, when
    /// negative, from the quietest (-1 is the quietest), so planted findings can pick a busy or a quiet host.
    /// </summary>
    private int PrivateInstance(int vpc, int zone, int rank)
    {
        var candidates = _net.VpcWorkloads[vpc].Where(i =>
        {
            var info = _net.Interfaces[i];
            var subnet = _net.Subnets[info.Subnet];
            return info.Kind == InterfaceKind.Instance && !subnet.IsPublic && subnet.Zone == zone;
        }).ToList();
        return rank >= 0 ? candidates[rank] : candidates[^-rank];
    }
}
