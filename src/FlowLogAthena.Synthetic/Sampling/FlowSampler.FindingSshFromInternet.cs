using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: a bastion accepts SSH from an arbitrary internet host, neither the office nor EC2 Instance Connect:
    /// a security group opened to 0.0.0.0/0. The compliance control admin-access-from-internet finds it.
    /// </summary>
    private void SshFromInternet(ref FlowSample s)
    {
        var target = Pick(Bastions);
        var t = _net.Interfaces[target];
        s.Interface = target;
        Conversation(ref s, t.Address, AwsServices.NonAwsAddress(ref _rng), egress: false, localIsClient: false, 22, 6, 2_000);
        s.Encryption = Encryption(t.Vpc, 22, insideAws: false);
    }
}
