using System.Collections.Frozen;
using System.Globalization;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Core.Formats;

/// <summary>
/// Every flow log field AWS documents: the 54 of VPC flow logs (versions 2 to 11, <see cref="Vpc"/>) and the 36 of
/// Transit Gateway flow logs (<see cref="TransitGateway"/>), 18 of them shared, each kind in AWS's order.
/// Sources: shared/domain/flow-log-fields.md and docs/research/transit-gateway-flow-logs.md. Fields marked
/// unconfirmed rest on third-party pages; each is one entry here so a correction is one line.
/// </summary>
public static class FieldCatalog
{
    private static readonly FrozenDictionary<string, string> None = FrozenDictionary<string, string>.Empty;

    public static readonly FrozenDictionary<string, string> ProtocolLabels = Codes(
        (Protocol.Icmp, "ICMP"), (Protocol.Tcp, "TCP"), (Protocol.Udp, "UDP"), (Protocol.Gre, "GRE"), (Protocol.Esp, "ESP"),
        (Protocol.Icmpv6, "ICMPv6"), (Protocol.Sctp, "SCTP"));

    public static readonly FrozenDictionary<string, string> TrafficPathLabels = Codes(
        (TrafficPath.SameVpc, "same VPC"),
        (TrafficPath.InternetGatewayOrGatewayEndpoint, "internet gateway or gateway VPC endpoint"),
        (TrafficPath.VirtualPrivateGateway, "virtual private gateway"),
        (TrafficPath.IntraRegionPeering, "intra-region VPC peering"),
        (TrafficPath.InterRegionPeering, "inter-region VPC peering"),
        (TrafficPath.LocalGateway, "local gateway"),
        (TrafficPath.GatewayEndpointNitro, "gateway VPC endpoint (Nitro)"),
        (TrafficPath.InternetGatewayNitro, "internet gateway (Nitro)"));

    public static readonly FrozenDictionary<string, string> TcpFlagLabels = Codes(
        (TcpFlags.NoTrackedFlag, "no tracked flag"), (TcpFlags.Fin, "FIN"), (TcpFlags.Syn, "SYN"), (TcpFlags.SynFin, "SYN+FIN"),
        (TcpFlags.Rst, "RST"), (TcpFlags.SynAck, "SYN-ACK"), (TcpFlags.SynAckFin, "SYN-ACK+FIN"));

    public static readonly FrozenDictionary<string, string> EncryptionStatusLabels = Codes(
        (EncryptionStatus.NotEncrypted, "not encrypted"), (EncryptionStatus.NitroEncrypted, "Nitro encrypted"),
        (EncryptionStatus.ApplicationEncrypted, "application encrypted"), (EncryptionStatus.NitroAndApplicationEncrypted, "Nitro and application encrypted"));

    /// <summary>The fields of VPC flow logs, in AWS's order (its field table and the order of every documented format).</summary>
    public static IReadOnlyList<FlowLogField> Vpc { get; } =
    [
        F("version", 2, FieldType.Int32, "Format version of the record (highest version among the chosen fields).", max: byte.MaxValue),
        F("account-id", 2, FieldType.String, "Account that owns the interface where the flow was seen.", transitGatewayMeaning: "Account that owns the source transit gateway."),
        F("interface-id", 2, FieldType.String, "ENI on which the traffic was recorded."),
        F("srcaddr", 2, FieldType.String, "Sender address for inbound traffic, or this interface's address for outbound.", transitGatewayMeaning: "Source address of the traffic."),
        F("dstaddr", 2, FieldType.String, "Receiver address for outbound traffic, or this interface's address for inbound.", transitGatewayMeaning: "Destination address of the traffic."),
        F("srcport", 2, FieldType.Int32, "Source port.", max: ushort.MaxValue),
        F("dstport", 2, FieldType.Int32, "Destination port.", max: ushort.MaxValue),
        F("protocol", 2, FieldType.Int32, "IANA protocol number.", ProtocolLabels, max: byte.MaxValue),
        F("packets", 2, FieldType.Int64, "Packet count for the flow in the aggregation window."),
        F("bytes", 2, FieldType.Int64, "Byte count for the flow in the aggregation window."),
        F("start", 2, FieldType.Int64, "Unix seconds of the first packet seen in the window."),
        F("end", 2, FieldType.Int64, "Unix seconds of the last packet seen in the window."),
        F("action", 2, FieldType.String, "Whether the traffic was allowed or dropped.", Codes((FieldCodes.Action.Accept, "accepted"), (FieldCodes.Action.Reject, "rejected"))),
        F("log-status", 2, FieldType.String, "Health of logging for this record.",
            Codes((LogStatus.Ok, "data logged"), (LogStatus.NoData, "no traffic in the window"), (LogStatus.SkipData, "records skipped"))),
        F("vpc-id", 3, FieldType.String, "VPC of the recording interface."),
        F("subnet-id", 3, FieldType.String, "Subnet of the recording interface."),
        F("instance-id", 3, FieldType.String, "Instance attached to the interface, if you own it."),
        F("tcp-flags", 3, FieldType.Int32, "Bitmask of TCP flags seen in the window (OR-ed).", TcpFlagLabels, max: byte.MaxValue),
        F("type", 3, FieldType.String, "Kind of traffic.", Codes((TrafficType.IPv4, "IPv4"), (TrafficType.IPv6, "IPv6"), (TrafficType.Efa, "Elastic Fabric Adapter"))),
        F("pkt-srcaddr", 3, FieldType.String, "Original source IP of the packet (differs from srcaddr behind NAT)."),
        F("pkt-dstaddr", 3, FieldType.String, "Original destination IP of the packet."),
        F("region", 4, FieldType.String, "Region of the recording interface.", transitGatewayMeaning: "Region of the transit gateway."),
        F("az-id", 4, FieldType.String, "AZ ID of the recording interface."),
        F("sublocation-type", 4, FieldType.String, "Kind of sublocation in sublocation-id.",
            Codes((SublocationType.Wavelength, "Wavelength Zone"), (SublocationType.Outpost, "Outpost"), (SublocationType.LocalZone, "Local Zone"))),
        F("sublocation-id", 4, FieldType.String, "Wavelength Zone, Outpost or Local Zone that holds the interface."),
        F("pkt-src-aws-service", 5, FieldType.String, "AWS service range that pkt-srcaddr falls in.", transitGatewayMeaning: "AWS service range that srcaddr falls in."),
        F("pkt-dst-aws-service", 5, FieldType.String, "AWS service range that pkt-dstaddr falls in.", transitGatewayMeaning: "AWS service range that dstaddr falls in."),
        F("flow-direction", 5, FieldType.String, "Direction relative to the recording interface.", Codes((FlowDirection.Ingress, "ingress"), (FlowDirection.Egress, "egress")), transitGatewayMeaning: "Direction relative to the attachment where the traffic is recorded."),
        F("traffic-path", 5, FieldType.Int32, "Route that egress traffic took.", TrafficPathLabels, max: byte.MaxValue),
        F("ecs-cluster-arn", 7, FieldType.String, "ARN of the ECS cluster running the task."),
        F("ecs-cluster-name", 7, FieldType.String, "Name of the ECS cluster."),
        F("ecs-container-instance-arn", 7, FieldType.String, "ARN of the EC2 container instance hosting the task."),
        F("ecs-container-instance-id", 7, FieldType.String, "ID of the container instance."),
        F("ecs-container-id", 7, FieldType.String, "Docker runtime ID of the task's first container."),
        F("ecs-second-container-id", 7, FieldType.String, "Docker runtime ID of the task's second container."),
        F("ecs-service-name", 7, FieldType.String, "ECS service that started the task."),
        F("ecs-task-definition-arn", 7, FieldType.String, "Task definition ARN of the task."),
        F("ecs-task-arn", 7, FieldType.String, "ARN of the task."),
        F("ecs-task-id", 7, FieldType.String, "ID of the task."),
        F("reject-reason", 8, FieldType.String, "Why a REJECT happened when a feature-level block caused it.",
            Codes((RejectReason.BlockPublicAccess, "VPC Block Public Access"), (RejectReason.EncryptionControls, "VPC Encryption Controls")), confirmed: false),
        F("resource-id", 9, FieldType.String, "Resource the flow belongs to when there is no ENI (regional NAT gateway).", confirmed: false),
        F("encryption-status", 10, FieldType.String, "Whether the flow was encrypted in transit (VPC Encryption Controls).",
            EncryptionStatusLabels, confirmed: false),
        F("instance-tag", 11, FieldType.String, "Value of the 1st instance tag key in TagFieldSpecifications.", confirmed: false),
        F("instance-tag-2", 11, FieldType.String, "Value of the 2nd instance tag key.", confirmed: false),
        F("interface-tag", 11, FieldType.String, "Value of the 1st network-interface tag key.", confirmed: false),
        F("interface-tag-2", 11, FieldType.String, "Value of the 2nd network-interface tag key.", confirmed: false),
        F("asg-tag", 11, FieldType.String, "Value of the 1st Auto Scaling group tag key.", confirmed: false),
        F("asg-tag-2", 11, FieldType.String, "Value of the 2nd Auto Scaling group tag key.", confirmed: false),
        F("interface-type", 11, FieldType.String, "Kind of local interface that captured the flow.", confirmed: false),
        F("next-hop-interface-id", 11, FieldType.String, "ENI of the next hop (receiver for egress, sender for ingress).", confirmed: false),
        F("next-hop-subnet-id", 11, FieldType.String, "Subnet of the next-hop ENI.", confirmed: false),
        F("next-hop-az-id", 11, FieldType.String, "AZ ID of the next-hop ENI.", confirmed: false),
        F("next-hop-vpc-id", 11, FieldType.String, "VPC of the next-hop ENI.", confirmed: false),
        F("next-hop-interface-type", 11, FieldType.String, "Kind of the next-hop ENI.", confirmed: false),
    ];

    /// <summary>The fields only Transit Gateway flow logs have: all of version 6, the version VPC flow logs skip.</summary>
    private static readonly IReadOnlyList<FlowLogField> TransitGatewayOnly =
    [
        F("resource-type", 6, FieldType.String, "Resource the flow log was created on.",
            Codes((ResourceType.TransitGateway, "transit gateway"), (ResourceType.TransitGatewayAttachment, "transit gateway attachment"))),
        F("tgw-id", 6, FieldType.String, "Transit gateway whose traffic is recorded."),
        F("tgw-attachment-id", 6, FieldType.String, "Transit gateway attachment whose traffic is recorded."),
        F("tgw-src-vpc-account-id", 6, FieldType.String, "Account of the source VPC."),
        F("tgw-dst-vpc-account-id", 6, FieldType.String, "Account of the destination VPC."),
        F("tgw-src-vpc-id", 6, FieldType.String, "Source VPC."),
        F("tgw-dst-vpc-id", 6, FieldType.String, "Destination VPC."),
        F("tgw-src-subnet-id", 6, FieldType.String, "Subnet of the source traffic."),
        F("tgw-dst-subnet-id", 6, FieldType.String, "Subnet of the destination traffic."),
        F("tgw-src-eni", 6, FieldType.String, "Transit gateway attachment ENI the flow came from."),
        F("tgw-dst-eni", 6, FieldType.String, "Transit gateway attachment ENI the flow went to."),
        F("tgw-src-az-id", 6, FieldType.String, "AZ ID of the source side ('-' for traffic from a sublocation)."),
        F("tgw-dst-az-id", 6, FieldType.String, "AZ ID of the destination side."),
        F("tgw-pair-attachment-id", 6, FieldType.String, "The flow's other attachment: egress attachment for ingress records, ingress for egress."),
        F("packets-lost-no-route", 6, FieldType.Int64, "Packets dropped because no route matched."),
        F("packets-lost-blackhole", 6, FieldType.Int64, "Packets dropped by a blackhole route."),
        F("packets-lost-mtu-exceeded", 6, FieldType.Int64, "Packets dropped for exceeding the MTU."),
        F("packets-lost-ttl-expired", 6, FieldType.Int64, "Packets dropped because their time to live expired."),
    ];

    /// <summary>
    /// The fields of Transit Gateway flow logs, in AWS's order: also the format such a flow log has when it is
    /// created without one. There is no <c>action</c>: a transit gateway records drops as packets lost.
    /// </summary>
    public static IReadOnlyList<FlowLogField> TransitGateway { get; } = Named(
        "version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id "
        + "tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id "
        + "srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole "
        + "packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service");

    /// <summary>Every field of either kind: the VPC fields in their order, then the Transit Gateway fields of their own.</summary>
    public static IReadOnlyList<FlowLogField> All { get; } = [.. Vpc, .. TransitGatewayOnly];

    private static readonly FrozenSet<string> VpcNames = Vpc.Select(f => f.Name).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> TransitGatewayNames = TransitGateway.Select(f => f.Name).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether flow logs of the kind have the field.</summary>
    public static bool Has(this FlowLogKind kind, FlowLogField field) =>
        (kind == FlowLogKind.Vpc ? VpcNames : TransitGatewayNames).Contains(field.Name);

    /// <summary>The fields of one kind, in AWS's order.</summary>
    public static IReadOnlyList<FlowLogField> Of(FlowLogKind kind) => kind == FlowLogKind.Vpc ? Vpc : TransitGateway;

    /// <summary>The fields with these space-separated names, in that order, from either list.</summary>
    private static List<FlowLogField> Named(string names) =>
        names.Split(' ').Select(name => Vpc.Concat(TransitGatewayOnly).Single(f => f.Name == name)).ToList();

    private static readonly FrozenDictionary<string, FlowLogField> ByName =
        All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Names people use that AWS does not document, with what they probably meant.</summary>
    public static readonly FrozenDictionary<string, string> Misconceptions = new Dictionary<string, string>
    {
        ["drop-cause"] = "AWS documents no drop-cause field; the reject detail is v8's reject-reason (value BPA)",
        ["drop-reason"] = "AWS documents no drop-reason field; the reject detail is v8's reject-reason (value BPA)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string name, out FlowLogField field) => ByName.TryGetValue(name, out field!);

    public static FlowLogField Get(string name) =>
        ByName.TryGetValue(name, out var field) ? field : throw new KeyNotFoundException($"No flow log field named '{name}'.");

    /// <summary>The catalog field nearest to a misspelt name (edit distance), or null when nothing is close.</summary>
    public static string? Suggest(string name)
    {
        if (Misconceptions.ContainsKey(name)) return "reject-reason";
        var best = All.Select(f => (f.Name, Distance: EditDistance.Between(name, f.Name)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).First();
        return best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    private static FlowLogField F(string name, int version, FieldType type, string meaning,
        IReadOnlyDictionary<string, string>? codes = null, bool confirmed = true, long? max = null, string? transitGatewayMeaning = null) =>
        new(name, version, type, meaning, codes ?? None, confirmed) { MaxValue = max ?? type.MaxValue(), TransitGatewayMeaning = transitGatewayMeaning };

    private static FrozenDictionary<string, string> Codes(params (string Code, string Label)[] codes) =>
        codes.ToFrozenDictionary(c => c.Code, c => c.Label, StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Codes(params (int Code, string Label)[] codes) =>
        Codes([.. codes.Select(c => (c.Code.ToString(CultureInfo.InvariantCulture), c.Label))]);
}
