using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A database replica placed in another AZ than its primary: the primary streams its write-ahead log to it around
/// the clock, every byte billed as cross-AZ transfer on both sides. Seen on the primary (egress) or on the replica
/// (ingress), next hop the other one; the stream comes from <see cref="Port"/>.
/// </summary>
internal static class CrossAzReplication
{
    /// <summary>Port the primary streams its write-ahead log from (the replica connects to it); nothing else uses it.</summary>
    public const int Port = 5433;

    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var (primary, replica) = f.Targets.ReplicationPair;
        var p = f.Net.Interfaces[primary];
        var r = f.Net.Interfaces[replica];
        var onPrimary = f.Rng.Next(2) == 0;
        s.Interface = onPrimary ? primary : replica;
        s.NextHop = onPrimary ? replica : primary;
        if (onPrimary) f.Conversation(ref s, p.Address, r.Address, egress: true, localIsClient: false, Port, Protocol.Tcp, 20_000);
        else f.Conversation(ref s, r.Address, p.Address, egress: false, localIsClient: true, Port, Protocol.Tcp, 20_000);
        s.Packets = 20_000 + f.Rng.Next(30_000);
        s.Bytes = s.Packets * 1448;
        if (onPrimary) s.TrafficPath = TrafficPath.SameVpc;
        s.Encryption = f.Encryption(p.Vpc, Port, insideAws: true);
    }
}
