using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Writing;

/// <summary>The fields only Transit Gateway flow logs have, rendered from a sample's attachments and zones.</summary>
internal sealed partial class RecordEncoder
{
    private static readonly byte[] TransitGatewayResource = Utf8(Core.Formats.FieldCodes.ResourceType.TransitGateway);

    /// <summary>
    /// The record is logged at the attachment its packets entered by (ingress) or left by (egress); the pair
    /// attachment is the other one. The source side is the entry attachment's, the destination side the exit's.
    /// </summary>
    private static int WriteTransitField(FieldId field, in FlowSample s, TransitTopology hub, Span<byte> destination)
    {
        var source = s.SrcAttachment >= 0 ? hub.Attachments[s.SrcAttachment] : null;
        var target = s.DstAttachment >= 0 ? hub.Attachments[s.DstAttachment] : null;
        var logged = s.Ingress ? source : target;
        var pair = s.Ingress ? target : source;
        return field switch
        {
            FieldId.ResourceType => Copy(TransitGatewayResource, destination),
            FieldId.TgwId => Copy(hub.TgwId, destination),
            FieldId.TgwAttachmentId => Copy(logged?.Id, destination),
            FieldId.TgwPairAttachmentId => Copy(pair?.Id, destination),
            FieldId.TgwSrcVpcAccountId => Copy(source?.VpcAccount, destination),
            FieldId.TgwDstVpcAccountId => Copy(target?.VpcAccount, destination),
            FieldId.TgwSrcVpcId => Copy(source?.VpcId, destination),
            FieldId.TgwDstVpcId => Copy(target?.VpcId, destination),
            FieldId.TgwSrcSubnetId => Copy(InZone(source?.SubnetIds, s.SrcZone), destination),
            FieldId.TgwDstSubnetId => Copy(InZone(target?.SubnetIds, s.DstZone), destination),
            FieldId.TgwSrcEni => Copy(InZone(source?.EniIds, s.SrcZone), destination),
            FieldId.TgwDstEni => Copy(InZone(target?.EniIds, s.DstZone), destination),
            FieldId.TgwSrcAzId => Copy(InZone(source?.AzIds, s.SrcZone), destination),
            FieldId.TgwDstAzId => Copy(InZone(target?.AzIds, s.DstZone), destination),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No encoder for this field."),
        };
    }

    private static byte[]? InZone(byte[]?[]? perZone, int zone) => perZone is null || zone < 0 || zone >= perZone.Length ? null : perZone[zone];
}
