using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A workload in the Encryption Controls VPC queries an on-premises database over the VPN without TLS
/// (encryption-status 0, both directions). The VPN gateway is an exclusion, so the flow is accepted. The compliance
/// control unencrypted-sensitive-flows finds it.
/// </summary>
internal static class UnencryptedDatabase
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var local = f.Pick(f.Targets.EncryptionControlsWorkloads);
        var l = f.Net.Interfaces[local];
        var egress = f.Rng.Next(2) == 0;
        var port = f.Rng.Next(2) == 0 ? 1433 : 5432;
        s.Interface = local;
        f.Conversation(ref s, l.Address, f.Remote.OnPremises[f.Rng.Skewed(f.Remote.OnPremises.Length)], egress, localIsClient: true, port, Protocol.Tcp, 20_000);
        s.TrafficPath = TrafficPath.VirtualPrivateGateway;
        s.Encryption = EncryptionStatus.NotEncrypted;
    }
}
