using FlowLogAthena.Core.Inventory;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Core.Names;

/// <summary>
/// Names to show beside ids in tables people read (the console, the report): an interface's owner from the interface
/// inventory ("web-1, instance" or its description), an instance's Name, a private address's interface owner, else what AWS's address
/// ranges say of an address ("S3 us-east-1"). Looked up here, after the query, so result files keep their values as
/// the query wrote them. None when the run has neither.
/// </summary>
public sealed class ResourceNames
{
    private readonly Lazy<AwsAddressIndex>? _ranges;
    private readonly Lazy<Owners>? _owners;

    public ResourceNames(AwsAddressIndex? ranges, IReadOnlyList<InterfaceRecord>? inventory = null)
        : this(ranges is null ? null : new Lazy<AwsAddressIndex>(ranges), inventory is null ? null : new Lazy<IReadOnlyList<InterfaceRecord>>(inventory))
    {
    }

    /// <summary>Names from what a run may use, each read only when a table first asks for a name it could give.</summary>
    public ResourceNames(Lazy<AwsAddressIndex>? ranges, Lazy<IReadOnlyList<InterfaceRecord>>? inventory)
    {
        _ranges = ranges;
        _owners = inventory is null ? null : new Lazy<Owners>(() => new Owners(inventory.Value));
    }

    public static ResourceNames None { get; } = new((Lazy<AwsAddressIndex>?)null, null);

    public bool IsEmpty => _ranges is null && _owners is null;

    /// <summary>Whether a result column holds addresses: srcaddr, pkt_dstaddr, peer_srcaddr, address, destination, …</summary>
    public static bool IsAddressColumn(string column) =>
        column.EndsWith("addr", StringComparison.Ordinal) || column is "address" or "destination" or "source";

    /// <summary>The name of a value of the column, or null when there is none to show.</summary>
    public string? NameOf(string column, object? value)
    {
        if (value is not string text) return null;
        if (column.EndsWith("interface_id", StringComparison.Ordinal) || column == "resource")
            return _owners?.Value.Interfaces.GetValueOrDefault(text);
        if (column.EndsWith("instance_id", StringComparison.Ordinal)) return _owners?.Value.Instances.GetValueOrDefault(text);
        if (!IsAddressColumn(column)) return null;
        if (_owners?.Value.Addresses.TryGetValue(text, out var owner) == true) return owner;
        if (_ranges is null || !AwsAddressIndex.TryParseAddress(text, out var address)) return null;
        return _ranges.Value.Lookup(address) is { } match ? $"{match.Service} {match.Region}" : null;
    }

    /// <summary>What the inventory names: interfaces, instances and addresses to their owner.</summary>
    private sealed class Owners
    {
        public Owners(IReadOnlyList<InterfaceRecord> inventory)
        {
            foreach (var row in inventory)
            {
                if (row is { InstanceId: { } instance, InstanceName: { } instanceName }) Instances.TryAdd(instance, instanceName);
                if (Owner(row) is not { } owner) continue;
                Interfaces[row.InterfaceId] = owner;
                foreach (var address in (row.Addresses ?? row.PrivateIp ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    Addresses.TryAdd(address, owner);
                if (row.PublicIp is { } publicIp) Addresses.TryAdd(publicIp, owner);
            }
        }

        public Dictionary<string, string> Interfaces { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Instances { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Addresses { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "name, type, by requester, groups a,b" from what the inventory knows of an interface: the instance's Name, else the
    /// description; the requester of a requester-managed interface; its security group names.
    /// </summary>
    private static string? Owner(InterfaceRecord row)
    {
        var type = row.InterfaceType is null or "interface" ? row.InstanceId is null ? null : "instance" : row.InterfaceType;
        var parts = new[]
        {
            row.InstanceName ?? row.Description,
            type,
            row.RequesterId is { } requester ? $"by {requester}" : null,
            row.SecurityGroupNames is { } groups ? $"groups {groups}" : null,
        }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
