namespace FlowLogAthena.Core.Inventory;

/// <summary>
/// One network interface as EC2 describes it at a snapshot, with what flow logs lack: who owns it (type, requester,
/// the instance and its Name), where it sits (VPC, subnet, AZ), its addresses, its security groups, and the tags the
/// user named (the instance's, then the interface's own). One row of the interface inventory table.
/// </summary>
public sealed record InterfaceRecord
{
    /// <summary>When the snapshot was taken, UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>: every row of a snapshot has the same.</summary>
    public required string SnapshotTime { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string InterfaceId { get; init; }

    /// <summary>EC2's InterfaceType: interface (an instance's), nat_gateway, network_load_balancer, lambda, vpc_endpoint, …</summary>
    public string? InterfaceType { get; init; }

    public string? Description { get; init; }

    /// <summary>The AWS service or account that created a requester-managed interface (ELB, Lambda, …).</summary>
    public string? RequesterId { get; init; }

    public bool RequesterManaged { get; init; }

    public string? Status { get; init; }

    public string? VpcId { get; init; }

    public string? SubnetId { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? PrivateIp { get; init; }

    /// <summary>Every private IPv4 and IPv6 address, space-separated.</summary>
    public string? Addresses { get; init; }

    public string? PublicIp { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>The instance's Name tag.</summary>
    public string? InstanceName { get; init; }

    /// <summary>Security group ids, comma-separated, in EC2's order.</summary>
    public string? SecurityGroupIds { get; init; }

    public string? SecurityGroupNames { get; init; }

    /// <summary>The named tags found, instance tags first then the interface's own: key to value.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
