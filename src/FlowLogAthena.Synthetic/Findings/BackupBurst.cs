using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A nightly backup: between 02:00 and 03:00 UTC one quiet instance streams its disks to a backup server in the same
/// AZ, so both have a peak hour far above their p95. Drawn only for records starting in that hour
/// (<see cref="InBackupHour"/>: the weight applies there alone); seen on the client (egress) or the server (ingress).
/// </summary>
internal static class BackupBurst
{
    /// <summary>The backup storage daemon's port (Bacula's); no ordinary scenario uses it.</summary>
    public const int Port = 9103;

    /// <summary>The UTC hour the nightly backup runs in.</summary>
    public const int Hour = 2;

    public static bool InBackupHour(long startUnixSeconds) => startUnixSeconds % 86_400 / 3600 == Hour;

    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var (client, server) = f.Targets.BackupPair;
        var c = f.Net.Interfaces[client];
        var v = f.Net.Interfaces[server];
        var onClient = f.Rng.Next(2) == 0;
        s.Interface = onClient ? client : server;
        s.NextHop = onClient ? server : client;
        if (onClient) f.Conversation(ref s, c.Address, v.Address, egress: true, localIsClient: true, Port, Protocol.Tcp, 20_000);
        else f.Conversation(ref s, v.Address, c.Address, egress: false, localIsClient: false, Port, Protocol.Tcp, 20_000);
        s.Packets = 300_000 + f.Rng.Next(200_000);
        s.Bytes = s.Packets * 1448;
        if (onClient) s.TrafficPath = TrafficPath.SameVpc;
        s.Encryption = f.Encryption(c.Vpc, Port, insideAws: true);
    }
}
