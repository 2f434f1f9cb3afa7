namespace FlowLogAthena.Core.Formats;

/// <summary>
/// What a flow log records: the interfaces of a VPC (VPC Flow Logs) or a transit gateway's attachments (Transit
/// Gateway Flow Logs). They share the prefix, the file naming and some fields; each has fields of its own
/// (docs/research/transit-gateway-flow-logs.md).
/// </summary>
public enum FlowLogKind
{
    Vpc,
    TransitGateway,
}

public static class FlowLogKindNames
{
    /// <summary>The names written in query files and on the command line.</summary>
    public static IReadOnlyList<string> All { get; } = ["vpc", "transit-gateway"];

    /// <summary>The kind a written name stands for; false for any other text.</summary>
    public static bool TryParse(string? name, out FlowLogKind kind)
    {
        kind = name == "transit-gateway" ? FlowLogKind.TransitGateway : FlowLogKind.Vpc;
        return name is "vpc" or "transit-gateway";
    }

    /// <summary>The written name: "vpc" or "transit-gateway".</summary>
    public static string ToName(this FlowLogKind kind) => kind == FlowLogKind.Vpc ? "vpc" : "transit-gateway";

    /// <summary>The name people read: "VPC" or "Transit Gateway".</summary>
    public static string ToDisplayName(this FlowLogKind kind) => kind == FlowLogKind.Vpc ? "VPC" : "Transit Gateway";
}
