using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Synthetic.Writing;

/// <summary>
/// The catalog's 72 fields (VPC and Transit Gateway) as a dense enum, so the hot path switches on a byte instead of comparing names.
/// Member names are the AWS names in PascalCase (<c>pkt-src-aws-service</c> → <c>PktSrcAwsService</c>).
/// </summary>
internal enum FieldId : byte
{
    Version, AccountId, InterfaceId, Srcaddr, Dstaddr, Srcport, Dstport, Protocol, Packets, Bytes, Start, End,
    Action, LogStatus, VpcId, SubnetId, InstanceId, TcpFlags, Type, PktSrcaddr, PktDstaddr, Region, AzId,
    SublocationType, SublocationId, PktSrcAwsService, PktDstAwsService, FlowDirection, TrafficPath,
    EcsClusterArn, EcsClusterName, EcsContainerInstanceArn, EcsContainerInstanceId, EcsContainerId,
    EcsSecondContainerId, EcsServiceName, EcsTaskDefinitionArn, EcsTaskArn, EcsTaskId, RejectReason, ResourceId,
    EncryptionStatus, InstanceTag, InstanceTag2, InterfaceTag, InterfaceTag2, AsgTag, AsgTag2, InterfaceType,
    NextHopInterfaceId, NextHopSubnetId, NextHopAzId, NextHopVpcId, NextHopInterfaceType,

    // Transit Gateway flow logs only.
    ResourceType, TgwId, TgwAttachmentId, TgwSrcVpcAccountId, TgwDstVpcAccountId, TgwSrcVpcId, TgwDstVpcId,
    TgwSrcSubnetId, TgwDstSubnetId, TgwSrcEni, TgwDstEni, TgwSrcAzId, TgwDstAzId, TgwPairAttachmentId,
    PacketsLostNoRoute, PacketsLostBlackhole, PacketsLostMtuExceeded, PacketsLostTtlExpired,
}

internal static class FieldIds
{
    /// <summary>The generator's id for a catalog field; a clear error for a field added to the catalog but not here.</summary>
    public static FieldId Of(FlowLogField field)
    {
        var pascal = string.Concat(field.Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return Enum.TryParse<FieldId>(pascal, ignoreCase: false, out var id)
            ? id
            : throw new NotSupportedException($"The flow log generator has no values for field '{field.Name}'; add it to {nameof(FieldId)} and {nameof(RecordEncoder)}.");
    }
}
