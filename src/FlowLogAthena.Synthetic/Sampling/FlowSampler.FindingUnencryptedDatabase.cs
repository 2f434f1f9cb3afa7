namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>
    /// Planted: a workload in the Encryption Controls VPC queries an on-premises database over the VPN without TLS
    /// (encryption-status 0, both directions). The VPN gateway is an exclusion, so the flow is accepted. The
    /// compliance control unencrypted-sensitive-flows finds it.
    /// </summary>
    private void UnencryptedDatabase(ref FlowSample s)
    {
        var local = Pick(EncryptionControlsWorkloads);
        var l = _net.Interfaces[local];
        var egress = _rng.Next(2) == 0;
        var port = _rng.Next(2) == 0 ? 1433 : 5432;
        s.Interface = local;
        Conversation(ref s, l.Address, _remote.OnPremises[_rng.Skewed(_remote.OnPremises.Length)], egress, localIsClient: true, port, 6, 20_000);
        s.TrafficPath = 3;
        s.Encryption = 0;
    }
}
