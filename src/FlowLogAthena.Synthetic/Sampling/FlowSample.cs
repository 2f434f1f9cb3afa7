using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Writing;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>Log health of a record, as the log-status field writes it.</summary>
internal enum LogStatus : byte
{
    Ok,
    NoData,
    SkipData,
}

/// <summary>
/// One generated record before it is written: numbers and indexes into the account/region's
/// <see cref="NetworkTopology"/>, never strings, so the hot path allocates nothing. Every output form (text line,
/// Parquet row, <see cref="FlowRecord"/>) is rendered from this by <see cref="RecordEncoder"/>.
/// </summary>
internal struct FlowSample
{
    public LogStatus Status;

    /// <summary>Index of the recording interface, or -1 when there is none (regional NAT gateway).</summary>
    public int Interface;

    /// <summary>Index of the regional NAT gateway the flow belongs to, or -1.</summary>
    public int RegionalNat;

    public IpValue Src, Dst, PktSrc, PktDst;
    public int SrcPort, DstPort, Protocol;
    public long Packets, Bytes, Start, End;
    public bool Reject;
    public bool Ingress;

    /// <summary>TCP flags, or -1 for a non-TCP flow (written as <c>-</c>).</summary>
    public int TcpFlags;

    /// <summary>
    /// Traffic-path code 1–8 of the conversation's egress direction, 0 when none applies. Written on egress records
    /// only; an ingress record keeps it for its reply, which leaves the interface.
    /// </summary>
    public int TrafficPath;

    /// <summary>Index into <see cref="AwsServices.Labels"/> for pkt-srcaddr / pkt-dstaddr, or -1.</summary>
    public int SrcService, DstService;

    public bool RejectedByBpa;

    /// <summary>VPC Encryption Controls (enforce mode) dropped the flow: reject-reason EC.</summary>
    public bool RejectedByEncryptionControls;

    /// <summary>encryption-status 0–3, or -1 when unknown.</summary>
    public int Encryption;

    /// <summary>Index of the next-hop interface, or -1.</summary>
    public int NextHop;

    /// <summary>The next hop is a regional NAT gateway, which has no interface of its own.</summary>
    public bool NextHopRegionalNat;

    /// <summary>Transit Gateway records: the attachment the flow entered the gateway by and the one it left by (-1: dropped).</summary>
    public int SrcAttachment, DstAttachment;

    /// <summary>Transit Gateway records: the zone of the attachment interface on each side, or -1 (no VPC, or dropped).</summary>
    public int SrcZone, DstZone;

    /// <summary>Transit Gateway records: packets the gateway dropped, by reason (written on the ingress record).</summary>
    public long LostNoRoute, LostBlackhole, LostMtuExceeded, LostTtlExpired;

    public static FlowSample Empty(long start) => new()
    {
        SrcAttachment = -1,
        DstAttachment = -1,
        SrcZone = -1,
        DstZone = -1,
        Interface = -1,
        RegionalNat = -1,
        TcpFlags = -1,
        SrcService = -1,
        DstService = -1,
        Encryption = -1,
        NextHop = -1,
        Start = start,
        End = start,
    };
}
