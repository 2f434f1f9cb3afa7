namespace FlowLogAthena.Core.Formats;

/// <summary>
/// The coded values of the catalog's fields, by name: <see cref="FieldCatalog"/> builds its label tables from these,
/// so code that writes or reads a field (the generator, reference answers) names a code instead of repeating its
/// literal, and can only use codes the catalog knows.
/// </summary>
public static class FieldCodes
{
    /// <summary><c>protocol</c>: IANA protocol numbers.</summary>
    public static class Protocol
    {
        public const int Icmp = 1;
        public const int Tcp = 6;
        public const int Udp = 17;
        public const int Gre = 47;
        public const int Esp = 50;
        public const int Icmpv6 = 58;
        public const int Sctp = 132;
    }

    /// <summary><c>action</c>: whether the traffic was allowed.</summary>
    public static class Action
    {
        public const string Accept = "ACCEPT";
        public const string Reject = "REJECT";
    }

    /// <summary>
    /// <c>resource-type</c> (Transit Gateway flow logs): what the flow log was created on. AWS's page now names only
    /// TransitGateway; its 2022 text also named TransitGatewayAttachment.
    /// </summary>
    public static class ResourceType
    {
        public const string TransitGateway = "TransitGateway";
        public const string TransitGatewayAttachment = "TransitGatewayAttachment";
    }

    /// <summary><c>log-status</c>: the health of logging for the record.</summary>
    public static class LogStatus
    {
        public const string Ok = "OK";
        public const string NoData = "NODATA";
        public const string SkipData = "SKIPDATA";
    }

    /// <summary><c>tcp-flags</c>: the flags OR-ed over the aggregation window that AWS documents.</summary>
    public static class TcpFlags
    {
        public const int NoTrackedFlag = 0;
        public const int Fin = 1;
        public const int Syn = 2;
        public const int SynFin = 3;
        public const int Rst = 4;
        public const int SynAck = 18;
        public const int SynAckFin = 19;
    }

    /// <summary><c>type</c>: the kind of traffic.</summary>
    public static class TrafficType
    {
        public const string IPv4 = "IPv4";
        public const string IPv6 = "IPv6";
        public const string Efa = "EFA";
    }

    /// <summary><c>sublocation-type</c>: the kind of sublocation holding the interface.</summary>
    public static class SublocationType
    {
        public const string Wavelength = "wavelength";
        public const string Outpost = "outpost";
        public const string LocalZone = "localzone";
    }

    /// <summary><c>flow-direction</c>: the direction relative to the recording interface.</summary>
    public static class FlowDirection
    {
        public const string Ingress = "ingress";
        public const string Egress = "egress";
    }

    /// <summary><c>traffic-path</c>: the route egress traffic took.</summary>
    public static class TrafficPath
    {
        public const int SameVpc = 1;
        public const int InternetGatewayOrGatewayEndpoint = 2;
        public const int VirtualPrivateGateway = 3;
        public const int IntraRegionPeering = 4;
        public const int InterRegionPeering = 5;
        public const int LocalGateway = 6;
        public const int GatewayEndpointNitro = 7;
        public const int InternetGatewayNitro = 8;
    }

    /// <summary><c>reject-reason</c>: the feature-level block that caused a REJECT.</summary>
    public static class RejectReason
    {
        public const string BlockPublicAccess = "BPA";
        public const string EncryptionControls = "EC";
    }

    /// <summary><c>encryption-status</c>: whether the flow was encrypted in transit (a string column holding a digit).</summary>
    public static class EncryptionStatus
    {
        public const int NotEncrypted = 0;
        public const int NitroEncrypted = 1;
        public const int ApplicationEncrypted = 2;
        public const int NitroAndApplicationEncrypted = 3;
    }
}
