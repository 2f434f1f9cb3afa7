using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Network;

/// <summary>What owns an interface; decides interface-type, instance-id and which scenarios use it.</summary>
internal enum InterfaceKind : byte
{
    Instance,
    EcsTask,
    NatGateway,
    LoadBalancer,
    VpcEndpoint,
    TransitGateway,
}

/// <summary>A VPC of one account and region. Values are pre-encoded UTF-8 so records copy bytes, never format.</summary>
internal sealed class VpcInfo
{
    public required byte[] Id { get; init; }
    public required string Name { get; init; }
    public required int SecondOctet { get; init; }
    public required ulong Ipv6Prefix { get; init; }

    /// <summary>VPC Encryption Controls are on: encryption-status has values; elsewhere it is <c>-</c>.</summary>
    public required bool EncryptionControls { get; init; }

    /// <summary>VPC Block Public Access (block-ingress) applies: internet flows are rejected with reason BPA.</summary>
    public required bool BlockPublicAccess { get; init; }

    /// <summary>Index of the regional NAT gateway this VPC uses instead of zonal ones, or -1.</summary>
    public int RegionalNat { get; set; } = -1;

    /// <summary>The Amazon-provided DNS resolver, the VPC base address plus two.</summary>
    public IpValue Resolver => IpValue.V4(10, SecondOctet, 0, 2);
}

internal sealed class SubnetInfo
{
    public required byte[] Id { get; init; }
    public required int Vpc { get; init; }

    /// <summary>AZ id such as use1-az1; null for a sublocation subnet (az-id is <c>-</c> there).</summary>
    public required byte[]? AzId { get; init; }

    public required int Zone { get; init; }
    public required bool IsPublic { get; init; }
    public byte[]? SublocationType { get; init; }
    public byte[]? SublocationId { get; init; }
}

/// <summary>The ECS task behind an awsvpc interface.</summary>
internal sealed class EcsTaskInfo
{
    public required byte[] ClusterArn { get; init; }
    public required byte[] ClusterName { get; init; }
    public byte[]? ContainerInstanceArn { get; init; }
    public byte[]? ContainerInstanceId { get; init; }
    public required byte[] ContainerId { get; init; }
    public byte[]? SecondContainerId { get; init; }
    public byte[]? ServiceName { get; init; }
    public required byte[] TaskDefinitionArn { get; init; }
    public required byte[] TaskArn { get; init; }
    public required byte[] TaskId { get; init; }
}

internal sealed class InterfaceInfo
{
    public required byte[] Id { get; init; }
    public required InterfaceKind Kind { get; init; }
    public required int Vpc { get; init; }
    public required int Subnet { get; init; }
    public required IpValue Address { get; init; }
    public bool HasIpv6 { get; init; }
    public IpValue Ipv6 { get; init; }
    public byte[]? InstanceId { get; init; }
    public byte[]? InterfaceType { get; init; }
    public byte[]? InstanceTag { get; init; }
    public byte[]? InstanceTag2 { get; init; }
    public byte[]? InterfaceTag { get; init; }
    public byte[]? InterfaceTag2 { get; init; }
    public byte[]? AsgTag { get; init; }
    public byte[]? AsgTag2 { get; init; }
    public EcsTaskInfo? Ecs { get; init; }

    /// <summary>The port this interface serves on (its role), and that port's protocol.</summary>
    public required int ServicePort { get; init; }

    public int ServiceProtocol { get; init; } = Protocol.Tcp;
}

internal sealed class RegionalNatInfo
{
    public required byte[] Id { get; init; }
    public required int Vpc { get; init; }

    /// <summary>The gateway's Elastic IP: its own address in the records it logs.</summary>
    public required IpValue PublicIp { get; init; }
}
