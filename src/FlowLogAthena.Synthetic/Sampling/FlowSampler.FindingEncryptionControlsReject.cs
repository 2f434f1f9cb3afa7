namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: under Encryption Controls (enforce), a workload opens a plaintext database connection to a server
    /// that cannot be encrypted in transit, and the VPC drops it (reject-reason EC). Logged on the client's or the
    /// server's interface. The compliance control rejected-by-vpc-controls finds it.
    /// </summary>
    private void EncryptionControlsReject(ref FlowSample s)
    {
        var server = Pick(EncryptionControlsDatabases);
        var client = PeerIn(EncryptionControlsWorkloads, server);
        var (c, v) = (_net.Interfaces[client], _net.Interfaces[server]);
        var onClient = _rng.Next(2) == 0;
        s.Interface = onClient ? client : server;
        s.NextHop = onClient ? server : client;
        Conversation(ref s, onClient ? c.Address : v.Address, onClient ? v.Address : c.Address, egress: onClient, localIsClient: onClient,
            DatabasePortOf(server), 6, 4);
        if (onClient) s.TrafficPath = 1;
        Rejected(ref s, byBpa: false);
        s.RejectedByEncryptionControls = true;
    }
}
