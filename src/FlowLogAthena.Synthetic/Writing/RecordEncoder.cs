using System.Buffers.Text;
using System.Text;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Writing;

/// <summary>
/// Renders a <see cref="FlowSample"/> field by field as UTF-8 (text files, <see cref="FlowRecord"/>) or as numbers
/// (Parquet). Numeric fields are always formatted from <see cref="Number"/>, so text and Parquet cannot disagree.
/// </summary>
internal sealed partial class RecordEncoder
{
    /// <summary>An upper bound for one text line of any format (54 fields, ARNs and IPv6 addresses included).</summary>
    public const int MaxLineLength = 4096;

    // The text codes a record holds, as the field catalog spells them.
    private static readonly byte[] Ok = Utf8(FieldCodes.LogStatus.Ok), NoData = Utf8(FieldCodes.LogStatus.NoData),
        SkipData = Utf8(FieldCodes.LogStatus.SkipData);

    private static readonly byte[] Accept = Utf8(FieldCodes.Action.Accept), Reject = Utf8(FieldCodes.Action.Reject);
    private static readonly byte[] IPv4 = Utf8(FieldCodes.TrafficType.IPv4), IPv6 = Utf8(FieldCodes.TrafficType.IPv6);
    private static readonly byte[] Ingress = Utf8(FieldCodes.FlowDirection.Ingress), Egress = Utf8(FieldCodes.FlowDirection.Egress);

    private static readonly byte[] BlockPublicAccess = Utf8(FieldCodes.RejectReason.BlockPublicAccess),
        EncryptionControls = Utf8(FieldCodes.RejectReason.EncryptionControls);

    private readonly FieldId[] _fields;
    private readonly int _version;

    public RecordEncoder(FlowLogFormat format)
    {
        _fields = format.Fields.Select(FieldIds.Of).ToArray();
        _version = format.RecordVersion;
        Header = Encoding.ASCII.GetBytes(string.Join(' ', format.Fields.Select(f => f.Name)) + "\n");
    }

    /// <summary>The header line: the format's field names separated by single spaces, then a newline.</summary>
    public byte[] Header { get; }

    public IReadOnlyList<FieldId> Fields => _fields;

    /// <summary>Fields whose value is a number (including encryption-status, a string column holding a digit).</summary>
    public static bool IsNumeric(FieldId field) => field is FieldId.Version or FieldId.Srcport or FieldId.Dstport
        or FieldId.Protocol or FieldId.Packets or FieldId.Bytes or FieldId.Start or FieldId.End or FieldId.TcpFlags
        or FieldId.TrafficPath or FieldId.EncryptionStatus or FieldId.PacketsLostNoRoute or FieldId.PacketsLostBlackhole
        or FieldId.PacketsLostMtuExceeded or FieldId.PacketsLostTtlExpired;

    /// <summary>One record as a text line: values separated by single spaces, <c>-</c> for none, then a newline.</summary>
    public int WriteLine(in FlowSample sample, NetworkTopology net, Span<byte> destination)
    {
        var n = 0;
        for (var i = 0; i < _fields.Length; i++)
        {
            if (i > 0) destination[n++] = (byte)' ';
            var written = WriteField(_fields[i], in sample, net, destination[n..]);
            if (written < 0) destination[n++] = (byte)'-';
            else n += written;
        }
        destination[n++] = (byte)'\n';
        return n;
    }

    /// <summary>The value of a numeric field, or null where the text has <c>-</c>.</summary>
    public long? Number(FieldId field, in FlowSample s)
    {
        switch (field)
        {
            case FieldId.Version: return _version;
            case FieldId.Start: return s.Start;
            case FieldId.End: return s.End;
        }
        if (s.Status != LogStatus.Ok) return null;
        return field switch
        {
            FieldId.Srcport => s.SrcPort,
            FieldId.Dstport => s.DstPort,
            FieldId.Protocol => s.Protocol,
            FieldId.Packets => s.Packets,
            FieldId.Bytes => s.Bytes,
            FieldId.TcpFlags => s.TcpFlags < 0 ? null : s.TcpFlags,
            FieldId.TrafficPath => s.Ingress || s.TrafficPath == 0 ? null : s.TrafficPath,
            FieldId.EncryptionStatus => s.Encryption < 0 ? null : s.Encryption,
            FieldId.PacketsLostNoRoute => s.LostNoRoute,
            FieldId.PacketsLostBlackhole => s.LostBlackhole,
            FieldId.PacketsLostMtuExceeded => s.LostMtuExceeded,
            FieldId.PacketsLostTtlExpired => s.LostTtlExpired,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a numeric field."),
        };
    }

    /// <summary>Writes one field's text and returns its length, or -1 when the field does not apply (<c>-</c>).</summary>
    public int WriteField(FieldId field, in FlowSample s, NetworkTopology net, Span<byte> destination)
    {
        if (IsNumeric(field))
        {
            if (Number(field, in s) is not { } value) return -1;
            Utf8Formatter.TryFormat(value, destination, out var written);
            return written;
        }
        switch (field)
        {
            case FieldId.AccountId: return Copy(net.AccountUtf8, destination);
            case FieldId.InterfaceId: return s.Interface < 0 ? -1 : Copy(net.Interfaces[s.Interface].Id, destination);
            case FieldId.LogStatus:
                return Copy(s.Status switch { LogStatus.Ok => Ok, LogStatus.NoData => NoData, _ => SkipData }, destination);
        }

        // NODATA and SKIPDATA records carry only version, account, interface, start, end and log-status.
        if (s.Status != LogStatus.Ok) return -1;
        if (field >= FieldId.ResourceType) return WriteTransitField(field, in s, net.Transit, destination);
        var eni = s.Interface >= 0 ? net.Interfaces[s.Interface] : null;
        var subnet = eni is null ? null : net.Subnets[eni.Subnet];
        var nat = s.RegionalNat >= 0 ? net.RegionalNats[s.RegionalNat] : null;
        var hop = s.NextHop >= 0 ? net.Interfaces[s.NextHop] : null;
        return field switch
        {
            FieldId.Srcaddr => s.Src.Format(destination),
            FieldId.Dstaddr => s.Dst.Format(destination),
            FieldId.PktSrcaddr => s.PktSrc.Format(destination),
            FieldId.PktDstaddr => s.PktDst.Format(destination),
            FieldId.Action => Copy(s.Reject ? Reject : Accept, destination),
            FieldId.VpcId => Copy(eni is not null ? net.Vpcs[eni.Vpc].Id : nat is not null ? net.Vpcs[nat.Vpc].Id : null, destination),
            FieldId.SubnetId => Copy(subnet?.Id, destination),
            FieldId.InstanceId => Copy(eni?.InstanceId, destination),
            FieldId.Type => Copy(s.Src.IsV6 ? IPv6 : IPv4, destination),
            FieldId.Region => Copy(net.RegionUtf8, destination),
            FieldId.AzId => Copy(subnet?.AzId, destination),
            FieldId.SublocationType => Copy(subnet?.SublocationType, destination),
            FieldId.SublocationId => Copy(subnet?.SublocationId, destination),
            FieldId.PktSrcAwsService => Copy(s.SrcService < 0 ? null : AwsServices.Utf8Labels[s.SrcService], destination),
            FieldId.PktDstAwsService => Copy(s.DstService < 0 ? null : AwsServices.Utf8Labels[s.DstService], destination),
            FieldId.FlowDirection => Copy(s.Ingress ? Ingress : Egress, destination),
            FieldId.EcsClusterArn => Copy(eni?.Ecs?.ClusterArn, destination),
            FieldId.EcsClusterName => Copy(eni?.Ecs?.ClusterName, destination),
            FieldId.EcsContainerInstanceArn => Copy(eni?.Ecs?.ContainerInstanceArn, destination),
            FieldId.EcsContainerInstanceId => Copy(eni?.Ecs?.ContainerInstanceId, destination),
            FieldId.EcsContainerId => Copy(eni?.Ecs?.ContainerId, destination),
            FieldId.EcsSecondContainerId => Copy(eni?.Ecs?.SecondContainerId, destination),
            FieldId.EcsServiceName => Copy(eni?.Ecs?.ServiceName, destination),
            FieldId.EcsTaskDefinitionArn => Copy(eni?.Ecs?.TaskDefinitionArn, destination),
            FieldId.EcsTaskArn => Copy(eni?.Ecs?.TaskArn, destination),
            FieldId.EcsTaskId => Copy(eni?.Ecs?.TaskId, destination),
            FieldId.RejectReason => Copy(s.RejectedByBpa ? BlockPublicAccess : s.RejectedByEncryptionControls ? EncryptionControls : null, destination),
            FieldId.ResourceId => Copy(nat?.Id, destination),
            FieldId.InstanceTag => Copy(eni?.InstanceTag, destination),
            FieldId.InstanceTag2 => Copy(eni?.InstanceTag2, destination),
            FieldId.InterfaceTag => Copy(eni?.InterfaceTag, destination),
            FieldId.InterfaceTag2 => Copy(eni?.InterfaceTag2, destination),
            FieldId.AsgTag => Copy(eni?.AsgTag, destination),
            FieldId.AsgTag2 => Copy(eni?.AsgTag2, destination),
            FieldId.InterfaceType => nat is not null ? Copy("regional_nat_gateway"u8, destination) : Copy(eni?.InterfaceType, destination),
            FieldId.NextHopInterfaceId => Copy(hop?.Id, destination),
            FieldId.NextHopSubnetId => Copy(hop is null ? null : net.Subnets[hop.Subnet].Id, destination),
            FieldId.NextHopAzId => Copy(hop is null ? null : net.Subnets[hop.Subnet].AzId, destination),
            FieldId.NextHopVpcId => Copy(hop is null ? null : net.Vpcs[hop.Vpc].Id, destination),
            FieldId.NextHopInterfaceType => s.NextHopRegionalNat
                ? Copy("regional_nat_gateway"u8, destination)
                : Copy(hop?.InterfaceType, destination),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No encoder for this field."),
        };
    }

    private static byte[] Utf8(string code) => Encoding.ASCII.GetBytes(code);

    private static int Copy(byte[]? value, Span<byte> destination) => value is null ? -1 : Copy(value.AsSpan(), destination);

    /// <summary>Copies a value; an empty value means "does not apply" (no field is ever legitimately empty).</summary>
    private static int Copy(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (value.IsEmpty) return -1;
        value.CopyTo(destination);
        return value.Length;
    }
}
