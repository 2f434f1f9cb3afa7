using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// The interfaces the planted findings pick from in one account and region, each decided by the network alone and
/// built on first use. One per sampler (per file), like the sampler's random stream; <see cref="Diagnose"/> holds the
/// diagnose pack's targets, which also depend on the generated window.
/// </summary>
internal sealed class FindingTargets(NetworkTopology net, DiagnoseTargets diagnose)
{
    private static readonly int[] DatabasePorts = [5432, 3306, 1433, 27017, 6379];

    private int[]? _reachablePublic;
    private int[]? _bastions;
    private int[]? _blockedPublic;
    private int[]? _encryptedWorkloads;
    private int[]? _encryptedDatabases;
    private int? _exposedDatabaseHost;
    private int[]? _s3OverNatInstances;
    private (int Primary, int Replica)? _replicationPair;
    private int? _natDownloader;
    private (int Client, int Server)? _backupPair;

    public DiagnoseTargets Diagnose { get; } = diagnose;

    /// <summary>Public workloads the internet can reach (their VPC has no Block Public Access), busiest first.</summary>
    public int[] ReachablePublicWorkloads => _reachablePublic ??= [.. net.PublicWorkloads.Where(i => !VpcOf(i).BlockPublicAccess)];

    /// <summary>Reachable public workloads that serve SSH; any reachable one if the seed made no bastion.</summary>
    public int[] Bastions => _bastions ??= OrAll(ReachablePublicWorkloads.Where(i => net.Interfaces[i].ServicePort == 22), ReachablePublicWorkloads);

    /// <summary>Public workloads under Block Public Access.</summary>
    public int[] BlockedPublicWorkloads => _blockedPublic ??= [.. net.PublicWorkloads.Where(i => VpcOf(i).BlockPublicAccess)];

    /// <summary>Workloads in the VPC under Encryption Controls.</summary>
    public int[] EncryptionControlsWorkloads => _encryptedWorkloads ??= [.. net.Workloads.Where(i => VpcOf(i).EncryptionControls)];

    /// <summary>Database and cache servers under Encryption Controls; any workload there if the seed made none.</summary>
    public int[] EncryptionControlsDatabases => _encryptedDatabases ??=
        OrAll(EncryptionControlsWorkloads.Where(i => DatabasePorts.Contains(net.Interfaces[i].ServicePort)), EncryptionControlsWorkloads);

    /// <summary>The first (busiest) public workload whose VPC lets internet traffic in: it runs the exposed database.</summary>
    public int ExposedDatabaseHost => _exposedDatabaseHost ??= FirstReachablePublicWorkload();

    /// <summary>The busiest private EC2 instance of each VPC outside Block Public Access: their S3 transfers take the NAT gateway.</summary>
    public int[] S3OverNatInstances => _s3OverNatInstances ??=
    [
        .. Enumerable.Range(0, net.Vpcs.Length)
            .Where(v => !net.Vpcs[v].BlockPublicAccess)
            .Select(v => net.PrivateWorkloads.First(i => net.Interfaces[i].Vpc == v && net.Interfaces[i].Kind == InterfaceKind.Instance)),
    ];

    /// <summary>The replication pair: primary in the first AZ, replica in the second, both in the prod VPC.</summary>
    public (int Primary, int Replica) ReplicationPair => _replicationPair ??= (PrivateInstance(vpc: 0, zone: 0, rank: 0), PrivateInstance(vpc: 0, zone: 1, rank: 0));

    /// <summary>The quiet build agent that downloads through its NAT gateway: the quietest private instance of prod's third AZ.</summary>
    public int NatDownloader => _natDownloader ??= PrivateInstance(vpc: 0, zone: 2, rank: -1);

    /// <summary>The nightly backup's client and server: the two quietest private instances of staging's first AZ.</summary>
    public (int Client, int Server) BackupPair => _backupPair ??= (PrivateInstance(vpc: 1, zone: 0, rank: -1), PrivateInstance(vpc: 1, zone: 0, rank: -2));

    /// <summary>The port a planted database flow uses: the server's own when it is a database, else PostgreSQL.</summary>
    public int DatabasePortOf(int server) =>
        DatabasePorts.Contains(net.Interfaces[server].ServicePort) ? net.Interfaces[server].ServicePort : 5432;

    /// <summary>
    /// An instance in a private subnet of the VPC's zone: <paramref name="rank"/> counts from the busiest, or, when
    /// negative, from the quietest (-1 is the quietest), so planted findings can pick a busy or a quiet host.
    /// </summary>
    public int PrivateInstance(int vpc, int zone, int rank)
    {
        var candidates = net.VpcWorkloads[vpc].Where(i =>
        {
            var info = net.Interfaces[i];
            var subnet = net.Subnets[info.Subnet];
            return info.Kind == InterfaceKind.Instance && !subnet.IsPublic && subnet.Zone == zone;
        }).ToList();
        return rank >= 0 ? candidates[rank] : candidates[^-rank];
    }

    /// <summary>A host of a documentation /24 (192.0.2, 198.51.100, 203.0.113), which ordinary traffic never uses.</summary>
    public static IpValue HostIn(ref FastRandom rng, int a, int b, int c) => IpValue.V4(a, b, c, rng.Next(1, 255));

    private int FirstReachablePublicWorkload()
    {
        foreach (var candidate in net.PublicWorkloads)
            if (!net.Vpcs[net.Interfaces[candidate].Vpc].BlockPublicAccess) return candidate;
        throw new InvalidOperationException("The network has no public workload outside Block Public Access.");
    }

    private VpcInfo VpcOf(int interfaceIndex) => net.Vpcs[net.Interfaces[interfaceIndex].Vpc];

    private static int[] OrAll(IEnumerable<int> preferred, int[] all)
    {
        var chosen = preferred.ToArray();
        return chosen.Length > 0 ? chosen : all;
    }
}
