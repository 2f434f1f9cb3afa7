using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>Where the planted compliance violations happen: the interfaces each one picks from, built on first use.</summary>
internal sealed partial class FlowSampler
{
    private static readonly int[] DatabasePorts = [5432, 3306, 1433, 27017, 6379];

    private int[]? _reachablePublic;
    private int[]? _bastions;
    private int[]? _blockedPublic;
    private int[]? _encryptedWorkloads;
    private int[]? _encryptedDatabases;

    /// <summary>Public workloads the internet can reach (their VPC has no Block Public Access), busiest first.</summary>
    private int[] ReachablePublicWorkloads => _reachablePublic ??= [.. _net.PublicWorkloads.Where(i => !VpcOf(i).BlockPublicAccess)];

    /// <summary>Reachable public workloads that serve SSH; any reachable one if the seed made no bastion.</summary>
    private int[] Bastions => _bastions ??= OrAll(ReachablePublicWorkloads.Where(i => _net.Interfaces[i].ServicePort == 22), ReachablePublicWorkloads);

    /// <summary>Public workloads under Block Public Access.</summary>
    private int[] BlockedPublicWorkloads => _blockedPublic ??= [.. _net.PublicWorkloads.Where(i => VpcOf(i).BlockPublicAccess)];

    /// <summary>Workloads in the VPC under Encryption Controls.</summary>
    private int[] EncryptionControlsWorkloads => _encryptedWorkloads ??= [.. _net.Workloads.Where(i => VpcOf(i).EncryptionControls)];

    /// <summary>Database and cache servers under Encryption Controls; any workload there if the seed made none.</summary>
    private int[] EncryptionControlsDatabases => _encryptedDatabases ??=
        OrAll(EncryptionControlsWorkloads.Where(i => DatabasePorts.Contains(_net.Interfaces[i].ServicePort)), EncryptionControlsWorkloads);

    private VpcInfo VpcOf(int interfaceIndex) => _net.Vpcs[_net.Interfaces[interfaceIndex].Vpc];

    /// <summary>The port a planted database flow uses: the server's own when it is a database, else PostgreSQL.</summary>
    private int DatabasePortOf(int server) =>
        DatabasePorts.Contains(_net.Interfaces[server].ServicePort) ? _net.Interfaces[server].ServicePort : 5432;

    /// <summary>A host of a documentation /24 (192.0.2, 198.51.100, 203.0.113), which ordinary traffic never uses.</summary>
    private IpValue HostIn(int a, int b, int c) => IpValue.V4(a, b, c, _rng.Next(1, 255));

    private static int[] OrAll(IEnumerable<int> preferred, int[] all)
    {
        var chosen = preferred.ToArray();
        return chosen.Length > 0 ? chosen : all;
    }
}
