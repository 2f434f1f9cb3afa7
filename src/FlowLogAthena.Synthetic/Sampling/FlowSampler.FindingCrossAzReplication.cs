namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>The replication pair of each network: primary in the first AZ, replica in the second, both in the prod VPC.</summary>
    private (int Primary, int Replica)? _replicationPair;

    /// <summary>Port the primary streams its write-ahead log from (the replica connects to it); nothing else uses it.</summary>
    internal const int ReplicationPort = 5433;

    /// <summary>
    /// A database replica placed in another AZ than its primary: the primary streams its write-ahead log to it
    /// around the clock, every byte billed as cross-AZ transfer on both sides. Seen on the primary (egress) or on
    /// the replica (ingress), next hop the other one; the stream comes from <see cref="ReplicationPort"/>.
    /// </summary>
    private void CrossAzReplication(ref FlowSample s)
    {
        var (primary, replica) = _replicationPair ??= (PrivateInstance(vpc: 0, zone: 0, rank: 0), PrivateInstance(vpc: 0, zone: 1, rank: 0));
        var p = _net.Interfaces[primary];
        var r = _net.Interfaces[replica];
        var onPrimary = _rng.Next(2) == 0;
        s.Interface = onPrimary ? primary : replica;
        s.NextHop = onPrimary ? replica : primary;
        if (onPrimary) Conversation(ref s, p.Address, r.Address, egress: true, localIsClient: false, ReplicationPort, 6, 20_000);
        else Conversation(ref s, r.Address, p.Address, egress: false, localIsClient: true, ReplicationPort, 6, 20_000);
        s.Packets = 20_000 + _rng.Next(30_000);
        s.Bytes = s.Packets * 1448;
        if (onPrimary) s.TrafficPath = 1;
        s.Encryption = Encryption(p.Vpc, ReplicationPort, insideAws: true);
    }
}
