using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Core.Names;

/// <summary>
/// Names to show beside ids in tables people read (the console, the report): what AWS's address ranges say of an
/// address ("S3 us-east-1"). Looked up here, after the query, so result files keep their values as the query wrote
/// them. None when the run has no ranges.
/// </summary>
public sealed class ResourceNames
{
    private readonly AwsAddressIndex? _ranges;

    public ResourceNames(AwsAddressIndex? ranges) => _ranges = ranges;

    public static ResourceNames None { get; } = new(null);

    public bool IsEmpty => _ranges is null;

    /// <summary>Whether a result column holds addresses: srcaddr, pkt_dstaddr, peer_srcaddr, address, destination, …</summary>
    public static bool IsAddressColumn(string column) =>
        column.EndsWith("addr", StringComparison.Ordinal) || column is "address" or "destination" or "source";

    /// <summary>The name of a value of the column, or null when there is none to show.</summary>
    public string? NameOf(string column, object? value)
    {
        if (_ranges is null || value is not string text || !IsAddressColumn(column)) return null;
        if (!AwsAddressIndex.TryParseAddress(text, out var address)) return null;
        return _ranges.Lookup(address) is { } match ? $"{match.Service} {match.Region}" : null;
    }
}
