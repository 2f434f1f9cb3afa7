using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// Under Encryption Controls (enforce), a workload opens a plaintext database connection to a server that cannot be
/// encrypted in transit, and the VPC drops it (reject-reason EC). Logged on the client's or the server's interface.
/// The compliance control rejected-by-vpc-controls finds it.
/// </summary>
internal static class EncryptionControlsReject
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var server = f.Pick(f.Targets.EncryptionControlsDatabases);
        var client = f.PeerIn(f.Targets.EncryptionControlsWorkloads, server);
        var (c, v) = (f.Net.Interfaces[client], f.Net.Interfaces[server]);
        var onClient = f.Rng.Next(2) == 0;
        s.Interface = onClient ? client : server;
        s.NextHop = onClient ? server : client;
        f.Conversation(ref s, onClient ? c.Address : v.Address, onClient ? v.Address : c.Address, egress: onClient, localIsClient: onClient,
            f.Targets.DatabasePortOf(server), Protocol.Tcp, 4);
        if (onClient) s.TrafficPath = TrafficPath.SameVpc;
        f.Rejected(ref s, byBpa: false);
        s.RejectedByEncryptionControls = true;
    }
}
