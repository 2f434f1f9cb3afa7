namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    private (int Client, int Server)? _backupPair;

    /// <summary>The backup storage daemon's port (Bacula's); no ordinary scenario uses it.</summary>
    internal const int BackupPort = 9103;

    /// <summary>The UTC hour the nightly backup runs in.</summary>
    internal const int BackupHour = 2;

    /// <summary>
    /// A nightly backup: between 02:00 and 03:00 UTC one quiet instance streams its disks to a backup server in the
    /// same AZ, so both have a peak hour far above their p95. Drawn only for records starting in that hour (the
    /// weight applies there alone); seen on the client (egress) or the server (ingress).
    /// </summary>
    private bool BackupBurst(ref FlowSample s)
    {
        if (s.Start % 86_400 / 3600 != BackupHour) return false;
        var (client, server) = _backupPair ??= (PrivateInstance(vpc: 1, zone: 0, rank: -1), PrivateInstance(vpc: 1, zone: 0, rank: -2));
        var c = _net.Interfaces[client];
        var v = _net.Interfaces[server];
        var onClient = _rng.Next(2) == 0;
        s.Interface = onClient ? client : server;
        s.NextHop = onClient ? server : client;
        if (onClient) Conversation(ref s, c.Address, v.Address, egress: true, localIsClient: true, BackupPort, 6, 20_000);
        else Conversation(ref s, v.Address, c.Address, egress: false, localIsClient: false, BackupPort, 6, 20_000);
        s.Packets = 300_000 + _rng.Next(200_000);
        s.Bytes = s.Packets * 1448;
        if (onClient) s.TrafficPath = 1;
        s.Encryption = Encryption(c.Vpc, BackupPort, insideAws: true);
        return true;
    }
}
