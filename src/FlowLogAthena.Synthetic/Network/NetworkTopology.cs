using System.Text;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Network;

/// <summary>
/// The network of one account in one region, built once from the seed: three VPCs (each with three AZs of public
/// and private subnets plus one sublocation subnet), about 1,900 interfaces — instances, ECS tasks, NAT gateways,
/// load balancers, VPC endpoints, transit gateway attachments — and a regional NAT gateway. Every file of that
/// account and region draws its records from the same network, so ids and addresses agree across files.
/// </summary>
internal sealed class NetworkTopology
{
    private const int ZoneCount = 3;
    private const int PublicWorkloadsPerSubnet = 20;
    private const int PrivateWorkloadsPerSubnet = 180;
    private const int EdgeWorkloads = 10;

    private static readonly VpcPlan[] VpcPlans =
    [
        new("prod", EncryptionControls: true, BlockPublicAccess: false, RegionalNat: false, DualStackPublic: true, DualStackPrivate: true, Edge: SublocationType.Outpost),
        new("staging", EncryptionControls: false, BlockPublicAccess: false, RegionalNat: true, DualStackPublic: true, DualStackPrivate: false, Edge: SublocationType.LocalZone),
        new("shared", EncryptionControls: false, BlockPublicAccess: true, RegionalNat: false, DualStackPublic: false, DualStackPrivate: false, Edge: SublocationType.Wavelength),
    ];

    private static readonly Role[] PublicRoles =
    [
        new("web", 443, Protocol.Tcp, "storefront", true, 55), new("web-http", 80, Protocol.Tcp, "storefront", true, 15),
        new("bastion", 22, Protocol.Tcp, "platform", false, 15), new("rdp-gateway", 3389, Protocol.Tcp, "it", false, 5),
        new("mail", 25, Protocol.Tcp, "it", false, 10),
    ];

    private static readonly Role[] PrivateRoles =
    [
        new("api", 8080, Protocol.Tcp, "checkout", true, 20), new("app", 8443, Protocol.Tcp, "storefront", true, 10),
        new("postgres", 5432, Protocol.Tcp, "Data%20Platform", false, 10), new("mysql", 3306, Protocol.Tcp, "payments", false, 8),
        new("redis", 6379, Protocol.Tcp, "platform", false, 8), new("memcached", 11211, Protocol.Tcp, "platform", false, 4),
        new("kafka", 9092, Protocol.Tcp, "Data%20Platform", false, 8), new("rabbitmq", 5672, Protocol.Tcp, "payments", false, 4),
        new("search", 9200, Protocol.Tcp, "search", true, 6), new("nfs", 2049, Protocol.Tcp, "platform", false, 5),
        new("fileserver", 445, Protocol.Tcp, "it", false, 3), new("mongo", 27017, Protocol.Tcp, "identity", false, 4),
        new("grpc", 50051, Protocol.Tcp, "identity", true, 5), new("ldap", 389, Protocol.Tcp, "it", false, 2),
        new("mssql", 1433, Protocol.Tcp, "finance", false, 3),
    ];

    private static readonly string[][] EcsServices =
        [["checkout", "cart", "catalog", "payments", "notifications"], ["image-resizer", "search-indexer", "report-builder"]];

    private static readonly string[] LocalZoneCities = ["bos1", "mia1", "dfw1", "lax1", "phl1"];

    private readonly List<VpcInfo> _vpcs = [];
    private readonly List<SubnetInfo> _subnets = [];
    private readonly List<InterfaceInfo> _interfaces = [];
    private readonly List<RegionalNatInfo> _regionalNats = [];
    private readonly List<int> _workloads = [];
    private readonly List<int> _loadBalancers = [];
    private readonly List<int> _outposts = [];
    private readonly List<int> _edgeInternet = [];
    private readonly Dictionary<string, int> _roleCounters = new(StringComparer.Ordinal);
    private FastRandom _rng;

    private NetworkTopology(ulong seed, int environment, string account, string region)
    {
        Account = account;
        Region = region;
        AccountUtf8 = Encoding.ASCII.GetBytes(account);
        RegionUtf8 = Encoding.ASCII.GetBytes(region);
        _rng = new FastRandom(FastRandom.Mix(seed, FastRandom.Hash(account), FastRandom.Hash(region), 0x70_9010));
        NatGateways = new int[VpcPlans.Length][];
        TransitGateways = new int[VpcPlans.Length][];
        Endpoints = new int[VpcPlans.Length][];
        for (var v = 0; v < VpcPlans.Length; v++) BuildVpc(v, environment);

        // Heavy-hitter order: a shuffled workload list; rank 0 is the busiest talker. The per-VPC and public/private
        // lists keep this order, so the same interfaces lead everywhere.
        var order = _workloads.ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        Workloads = order;
        VpcWorkloads = Enumerable.Range(0, VpcPlans.Length).Select(v => order.Where(i => _interfaces[i].Vpc == v).ToArray()).ToArray();
        PublicWorkloads = order.Where(i => _subnets[_interfaces[i].Subnet].IsPublic).ToArray();
        PrivateWorkloads = order.Where(i => !_subnets[_interfaces[i].Subnet].IsPublic).ToArray();
        DualStack = order.Where(i => _interfaces[i].HasIpv6).ToArray();
        LoadBalancers = [.. _loadBalancers];
        Outposts = [.. _outposts];
        EdgeInternet = [.. _edgeInternet];
        ScanTargets = [.. PublicWorkloads, .. LoadBalancers];
        Vpcs = [.. _vpcs];
        Subnets = [.. _subnets];
        Interfaces = [.. _interfaces];
        RegionalNats = [.. _regionalNats];
        _transit = new Lazy<TransitTopology>(() => TransitTopology.Build(this, seed));
    }

    private readonly Lazy<TransitTopology> _transit;

    /// <summary>The transit gateway hub these VPCs are attached to, built on first use (Transit Gateway logs only).</summary>
    public TransitTopology Transit => _transit.Value;

    public string Account { get; }
    public string Region { get; }
    public byte[] AccountUtf8 { get; }
    public byte[] RegionUtf8 { get; }
    public VpcInfo[] Vpcs { get; }
    public SubnetInfo[] Subnets { get; }
    public InterfaceInfo[] Interfaces { get; }
    public RegionalNatInfo[] RegionalNats { get; }

    /// <summary>Instance and ECS interfaces outside sublocations, busiest first.</summary>
    public int[] Workloads { get; }

    public int[][] VpcWorkloads { get; }
    public int[] PublicWorkloads { get; }
    public int[] PrivateWorkloads { get; }
    public int[] DualStack { get; }
    public int[] LoadBalancers { get; }
    public int[] Outposts { get; }

    /// <summary>Workloads in Local Zone and Wavelength subnets, which reach the internet directly.</summary>
    public int[] EdgeInternet { get; }

    /// <summary>Interfaces reachable from the internet: public workloads and load balancers.</summary>
    public int[] ScanTargets { get; }

    /// <summary>Zonal NAT gateway interface per VPC and AZ (empty for a VPC using a regional NAT gateway).</summary>
    public int[][] NatGateways { get; }

    public int[][] TransitGateways { get; }
    public int[][] Endpoints { get; }

    public static NetworkTopology Build(ulong seed, int environment, string account, string region) =>
        new(seed, environment, account, region);

    private void BuildVpc(int v, int environment)
    {
        var plan = VpcPlans[v];
        var octet = 16 + (((environment * VpcPlans.Length) + v) % 48);
        var ipv6 = ((ulong)RegionNames.Ipv6Block(Region) << 32) | ((ulong)_rng.Next(0x10000) << 16) | ((ulong)_rng.Next(256) << 8);
        var vpc = new VpcInfo
        {
            Id = Id("vpc-"),
            Name = plan.Name,
            SecondOctet = octet,
            Ipv6Prefix = ipv6,
            EncryptionControls = plan.EncryptionControls,
            BlockPublicAccess = plan.BlockPublicAccess,
        };
        _vpcs.Add(vpc);
        if (plan.RegionalNat)
        {
            vpc.RegionalNat = _regionalNats.Count;
            _regionalNats.Add(new RegionalNatInfo { Id = Id("nat-"), Vpc = v, PublicIp = AwsServices.AddressOf(AwsServices.Ec2, ref _rng) });
        }

        var clusters = BuildEcsClusters(plan.Name);
        NatGateways[v] = plan.RegionalNat ? [] : new int[ZoneCount];
        TransitGateways[v] = new int[ZoneCount];
        var endpoints = new List<int>();
        for (var zone = 0; zone < ZoneCount; zone++)
        {
            var azId = Encoding.ASCII.GetBytes(RegionNames.AzId(Region, zone));
            var publicSubnet = AddSubnet(v, zone, azId, isPublic: true);
            var publicHosts = new HostCounter(octet, zone);
            for (var k = 0; k < PublicWorkloadsPerSubnet; k++)
                AddWorkload(v, publicSubnet, publicHosts.Next(), PublicRoles, clusters: null, ipv6: plan.DualStackPublic ? ipv6 | (uint)zone : null);
            if (!plan.RegionalNat) NatGateways[v][zone] = AddService(InterfaceKind.NatGateway, "nat_gateway", v, publicSubnet, publicHosts.Next(), 0);
            _loadBalancers.Add(AddService(InterfaceKind.LoadBalancer, "network_load_balancer", v, publicSubnet, publicHosts.Next(), 443));

            var privateSubnet = AddSubnet(v, zone, azId, isPublic: false);
            var privateHosts = new HostCounter(octet, ZoneCount + zone);
            for (var k = 0; k < PrivateWorkloadsPerSubnet; k++)
                AddWorkload(v, privateSubnet, privateHosts.Next(), PrivateRoles, clusters, plan.DualStackPrivate ? ipv6 | (uint)(ZoneCount + zone) : null);
            endpoints.Add(AddService(InterfaceKind.VpcEndpoint, "vpc_endpoint", v, privateSubnet, privateHosts.Next(), 443));
            endpoints.Add(AddService(InterfaceKind.VpcEndpoint, "vpc_endpoint", v, privateSubnet, privateHosts.Next(), 443));
            TransitGateways[v][zone] = AddService(InterfaceKind.TransitGateway, "transit_gateway", v, privateSubnet, privateHosts.Next(), 0);
        }
        Endpoints[v] = [.. endpoints];
        BuildEdgeSubnet(v, octet, plan.Edge);
    }

    private void BuildEdgeSubnet(int v, int octet, string kind)
    {
        var prefix = RegionNames.AzPrefix(Region);
        var city = LocalZoneCities[_rng.Next(LocalZoneCities.Length)];
        var sublocationId = kind switch
        {
            SublocationType.Outpost => "op-" + _rng.Hex(17),
            SublocationType.LocalZone => $"{prefix}-{city}-az1",
            _ => $"{prefix}-wl1-{city[..3]}-wlz1",
        };
        _subnets.Add(new SubnetInfo
        {
            Id = Id("subnet-"),
            Vpc = v,
            AzId = null,
            Zone = -1,
            IsPublic = kind != SublocationType.Outpost,
            SublocationType = Encoding.ASCII.GetBytes(kind),
            SublocationId = Encoding.ASCII.GetBytes(sublocationId),
        });
        var subnet = _subnets.Count - 1;
        var hosts = new HostCounter(octet, 2 * ZoneCount);
        Role[] roles = kind == SublocationType.Outpost ? [new("historian", 1433, Protocol.Tcp, "manufacturing", false, 1)] : [new("edge-web", 443, Protocol.Tcp, "storefront", false, 1)];
        for (var k = 0; k < EdgeWorkloads; k++)
        {
            var index = AddInstance(v, subnet, hosts.Next(), roles[0], null);
            (kind == SublocationType.Outpost ? _outposts : _edgeInternet).Add(index);
        }
    }

    private int AddSubnet(int v, int zone, byte[] azId, bool isPublic)
    {
        _subnets.Add(new SubnetInfo { Id = Id("subnet-"), Vpc = v, AzId = azId, Zone = zone, IsPublic = isPublic });
        return _subnets.Count - 1;
    }

    private void AddWorkload(int v, int subnet, IpValue address, Role[] roles, EcsCluster[]? clusters, ulong? ipv6)
    {
        var role = Pick(roles);
        int index;
        if (clusters is not null && _rng.Next(4) == 0)
            index = AddEcsTask(v, subnet, address, clusters[_rng.Next(clusters.Length)], ipv6);
        else
            index = AddInstance(v, subnet, address, role, ipv6);
        _workloads.Add(index);
    }

    private int AddInstance(int v, int subnet, IpValue address, Role role, ulong? ipv6)
    {
        var vpcName = VpcPlans[v].Name;
        var number = _roleCounters[vpcName + role.Name] = _roleCounters.GetValueOrDefault(vpcName + role.Name) + 1;
        var inAsg = role.AutoScaled && _rng.Next(5) != 0;
        return Add(new InterfaceInfo
        {
            Id = Id("eni-"),
            Kind = InterfaceKind.Instance,
            Vpc = v,
            Subnet = subnet,
            Address = address,
            HasIpv6 = ipv6 is not null,
            Ipv6 = ipv6 is { } prefix ? IpValue.V6(prefix, _rng.NextUInt64()) : default,
            InstanceId = Id("i-"),
            InstanceTag = Ascii($"{vpcName}-{role.Name}-{number:D2}"),
            InstanceTag2 = Ascii(role.Team),
            InterfaceTag = _rng.Next(10) < 4 ? Ascii(_rng.Next(4) == 0 ? "secondary" : "primary") : null,
            InterfaceTag2 = _rng.Next(10) < 3 ? Ascii($"cc-{1000 + _rng.Next(60)}") : null,
            AsgTag = inAsg ? Ascii($"{vpcName}-{role.Name}-asg") : null,
            AsgTag2 = inAsg ? Ascii(_rng.Next(2) == 0 ? "blue" : "green") : null,
            ServicePort = role.Port,
            ServiceProtocol = role.Protocol,
        });
    }

    private int AddEcsTask(int v, int subnet, IpValue address, EcsCluster cluster, ulong? ipv6)
    {
        var fargate = _rng.Next(2) == 0;
        var host = fargate ? null : cluster.Hosts[_rng.Next(cluster.Hosts.Length)];
        var service = _rng.Next(5) == 0 ? null : cluster.Services[_rng.Next(cluster.Services.Length)];
        var family = service ?? "batch-job";
        var taskId = _rng.Hex(32);
        var arn = $"arn:{RegionNames.Partition(Region)}:ecs:{Region}:{Account}:";
        string ContainerId() => fargate ? $"{taskId}-{_rng.Next(100_000, 999_999)}{_rng.Next(1000, 9999)}" : _rng.Hex(64);
        var ecs = new EcsTaskInfo
        {
            ClusterArn = Ascii($"{arn}cluster/{cluster.Name}"),
            ClusterName = Ascii(cluster.Name),
            ContainerInstanceArn = host is null ? null : Ascii($"{arn}container-instance/{cluster.Name}/{host.ContainerInstanceId}"),
            ContainerInstanceId = host is null ? null : Ascii(host.ContainerInstanceId),
            ContainerId = Ascii(ContainerId()),
            SecondContainerId = _rng.Next(5) < 2 ? Ascii(ContainerId()) : null,
            ServiceName = service is null ? null : Ascii(service),
            TaskDefinitionArn = Ascii($"{arn}task-definition/{family}:{1 + (int)(FastRandom.Hash(family) % 90)}"),
            TaskArn = Ascii($"{arn}task/{cluster.Name}/{taskId}"),
            TaskId = Ascii(taskId),
        };
        return Add(new InterfaceInfo
        {
            Id = Id("eni-"),
            Kind = InterfaceKind.EcsTask,
            Vpc = v,
            Subnet = subnet,
            Address = address,
            HasIpv6 = ipv6 is not null,
            Ipv6 = ipv6 is { } prefix ? IpValue.V6(prefix, _rng.NextUInt64()) : default,
            InstanceId = host?.InstanceId,
            InstanceTag = host?.NameTag,
            InstanceTag2 = host is null ? null : Ascii("platform"),
            AsgTag = host is null ? null : Ascii($"{cluster.Name}-asg"),
            AsgTag2 = host is null ? null : Ascii("blue"),
            Ecs = ecs,
            ServicePort = 8080,
        });
    }

    private int AddService(InterfaceKind kind, string interfaceType, int v, int subnet, IpValue address, int port) => Add(new InterfaceInfo
    {
        Id = Id("eni-"),
        Kind = kind,
        Vpc = v,
        Subnet = subnet,
        Address = address,
        InterfaceType = Ascii(interfaceType),
        ServicePort = port,
    });

    private EcsCluster[] BuildEcsClusters(string vpcName) =>
    [
        .. EcsServices.Select((services, c) =>
        {
            var name = $"{vpcName}-{(c == 0 ? "services" : "workers")}";
            var hosts = Enumerable.Range(1, 6)
                .Select(h => new EcsHost(Id("i-"), _rng.Hex(32), Ascii($"{name}-host-{h:D2}")))
                .ToArray();
            return new EcsCluster(name, services, hosts);
        }),
    ];

    private int Add(InterfaceInfo info)
    {
        _interfaces.Add(info);
        return _interfaces.Count - 1;
    }

    private Role Pick(Role[] roles)
    {
        var roll = _rng.Next(roles.Sum(r => r.Weight));
        foreach (var role in roles)
        {
            if (roll < role.Weight) return role;
            roll -= role.Weight;
        }
        return roles[^1];
    }

    private byte[] Id(string prefix) => Ascii(prefix + _rng.Hex(17));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Distinct host addresses in a /20 subnet (10.o.(16s).0/20), skipping AWS's reserved first four.</summary>
    private struct HostCounter(int octet, int subnetInVpc)
    {
        private int _next;

        public IpValue Next()
        {
            var host = 4 + (_next++ * 1237 % 4088);
            return IpValue.V4(10, octet, (subnetInVpc * 16) + (host >> 8), host & 0xFF);
        }
    }

    private sealed record VpcPlan(string Name, bool EncryptionControls, bool BlockPublicAccess, bool RegionalNat, bool DualStackPublic, bool DualStackPrivate, string Edge);

    private sealed record Role(string Name, int Port, int Protocol, string Team, bool AutoScaled, int Weight);

    private sealed record EcsHost(byte[] InstanceId, string ContainerInstanceId, byte[] NameTag);

    private sealed record EcsCluster(string Name, string[] Services, EcsHost[] Hosts);
}
