using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// What the diagnose pack's planted findings are about in one account and region. Decided by the network and
/// the generated window alone, so every file of that account and region agrees, and
/// <see cref="PlantedFindings"/> can name them without generating a record.
/// </summary>
internal sealed class DiagnoseTargets
{
    /// <summary>Replies to client ports from here up are dropped by the NACL subnet's outbound rule (1024–49151 allowed).</summary>
    public const int NaclEphemeralLimit = 49152;

    /// <summary>A decommissioned on-premises NetFlow collector (UDP 2055) the one-way sender still writes to.</summary>
    public static readonly IpValue DeadCollector = IpValue.V4(192, 168, 200, 10);

    /// <summary>An on-premises host that no longer answers TCP connection attempts.</summary>
    public static readonly IpValue DeadHost = IpValue.V4(192, 168, 200, 20);

    public const int DeadHostPort = 8443;

    private DiagnoseTargets(NetworkTopology net, long windowFrom, long windowTo)
    {
        Silent = net.Workloads[1];
        SilentFromUnixSeconds = windowFrom + ((windowTo - windowFrom) * 2 / 3);
        NaclServer = Array.FindLast(net.PublicWorkloads, i =>
            i != Silent && net.Interfaces[i].ServicePort == 443 && !net.Vpcs[net.Interfaces[i].Vpc].BlockPublicAccess);
        NaclSubnet = net.Interfaces[NaclServer].Subnet;
        OneWaySender = net.PrivateWorkloads[net.PrivateWorkloads.Length / 3];
        if (OneWaySender == Silent) OneWaySender = net.PrivateWorkloads[(net.PrivateWorkloads.Length / 3) + 1];
        ExportSourcePort = 32768 + (OneWaySender * 7919 % 28000);
        Skipping = net.NatGateways.First(zones => zones.Length > 0)[0];
    }

    /// <summary>A busy zonal NAT gateway whose flow log keeps writing SKIPDATA.</summary>
    public int Skipping { get; }

    /// <summary>A public web server (443) whose subnet's outbound NACL drops replies to high ephemeral ports.</summary>
    public int NaclServer { get; }

    public int NaclSubnet { get; }

    /// <summary>A private workload sending to on-premises peers that never answer.</summary>
    public int OneWaySender { get; }

    /// <summary>The one-way sender's long-lived NetFlow export socket.</summary>
    public int ExportSourcePort { get; }

    /// <summary>A busy workload that stops logging at <see cref="SilentFromUnixSeconds"/>.</summary>
    public int Silent { get; }

    /// <summary>Two thirds into the generated window: from here on the silent interface has no record.</summary>
    public long SilentFromUnixSeconds { get; }

    public static DiagnoseTargets Of(NetworkTopology net, long windowFromUnixSeconds, long windowToUnixSeconds) =>
        new(net, windowFromUnixSeconds, windowToUnixSeconds);
}
