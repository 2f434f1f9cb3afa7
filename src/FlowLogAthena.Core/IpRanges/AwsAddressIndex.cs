using System.Net;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>
/// AWS's ranges cut into non-overlapping intervals of the IPv6 address space (IPv4 as <c>::ffff:a.b.c.d</c>, as
/// Trino's IPADDRESS holds it), each carrying the <see cref="AwsAddressMatch"/> of every address in it: CIDR blocks
/// nest or are disjoint, so the parts of a prefix not covered by a longer one all answer alike. One lookup is a
/// binary search; the engines' tables are the same intervals (<see cref="AwsIpRangeRows"/>).
/// </summary>
public sealed class AwsAddressIndex
{
    private readonly Interval[] _intervals;

    private AwsAddressIndex(Interval[] intervals) => _intervals = intervals;

    /// <summary>The intervals in address order.</summary>
    public IReadOnlyList<Interval> Intervals => _intervals;

    public readonly record struct Interval(UInt128 First, UInt128 Last, AwsAddressMatch Match);

    public static AwsAddressIndex Build(AwsIpRanges ranges)
    {
        // One node per distinct network, in address order with the wider of two equal starts first: a parent
        // always comes before the networks it holds.
        var nodes = ranges.Prefixes
            .GroupBy(p => p.Network)
            .Select(g => new Node(First(g.Key), Last(g.Key), g.Key.PrefixLength, g.Key, [.. g]))
            .OrderBy(n => n.First).ThenBy(n => n.Length)
            .ToList();

        var intervals = new List<Interval>();
        var open = new Stack<Node>();
        foreach (var node in nodes)
        {
            // Close the networks that end before this one starts: their uncovered tail is theirs.
            while (open.Count > 0 && open.Peek().Last < node.First) Close(open, intervals);
            if (open.TryPeek(out var parent))
            {
                if (!parent.Done && parent.Cursor < node.First) intervals.Add(new Interval(parent.Cursor, node.First - 1, parent.Match));
                node.Ancestors = [.. parent.Ancestors, .. parent.Entries];
            }
            node.Match = Resolve(node);
            node.Cursor = node.First;
            open.Push(node);
        }
        while (open.Count > 0) Close(open, intervals);
        intervals.Sort((a, b) => a.First.CompareTo(b.First));
        return new AwsAddressIndex([.. intervals]);
    }

    /// <summary>What the ranges say of an address, or null when no AWS range holds it.</summary>
    public AwsAddressMatch? Lookup(IPAddress address)
    {
        var value = ToMapped(address);
        int low = 0, high = _intervals.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var interval = _intervals[middle];
            if (value < interval.First) high = middle - 1;
            else if (value > interval.Last) low = middle + 1;
            else return interval.Match;
        }
        return null;
    }

    /// <summary>Strict address text, as parameters take it: a dotted quad, or IPv6 (an IPv4-mapped one is its IPv4 address).</summary>
    public static bool TryParseAddress(string text, out IPAddress address) => IpAddressText.TryParse(text, out address);

    /// <summary>An address in the 128-bit space the intervals use: IPv6 as it is, IPv4 as <c>::ffff:a.b.c.d</c>.</summary>
    public static UInt128 ToMapped(IPAddress address)
    {
        var bytes = (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address).GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        return value;
    }

    private static UInt128 First(IpNetwork network) => ToMapped(network.Network);

    private static UInt128 Last(IpNetwork network) => ToMapped(network.LastAddress);

    private static void Close(Stack<Node> open, List<Interval> intervals)
    {
        var node = open.Pop();
        if (!node.Done && node.Cursor <= node.Last) intervals.Add(new Interval(node.Cursor, node.Last, node.Match));
        if (!open.TryPeek(out var parent)) return;
        // The parent resumes after this network, unless it ended at the very last address (where UInt128 would wrap).
        if (node.Last == UInt128.MaxValue) parent.Done = true;
        else parent.Cursor = node.Last + 1;
    }

    /// <summary>The answer for the part of a network no longer network covers: its own entries and its ancestors'.</summary>
    private static AwsAddressMatch Resolve(Node node)
    {
        var all = node.Ancestors.Concat(node.Entries).ToList();
        static int Rank(string service) => service switch { "AMAZON" => 2, "EC2" => 1, _ => 0 };
        var chosen = all
            .OrderBy(e => Rank(e.Service))
            .ThenByDescending(e => e.Network.PrefixLength)
            .ThenBy(e => e.Service, StringComparer.Ordinal)
            .ThenBy(e => e.Region, StringComparer.Ordinal)
            .ThenBy(e => e.NetworkBorderGroup, StringComparer.Ordinal)
            .First();
        var services = string.Join(",", all.Select(e => e.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return new AwsAddressMatch(chosen.Service, services, chosen.Region, chosen.NetworkBorderGroup, chosen.Network.ToString());
    }

    private sealed class Node(UInt128 first, UInt128 last, int length, IpNetwork network, List<AwsIpPrefix> entries)
    {
        public UInt128 First { get; } = first;
        public UInt128 Last { get; } = last;
        public int Length { get; } = length;
        public IpNetwork Network { get; } = network;
        public List<AwsIpPrefix> Entries { get; } = entries;
        public List<AwsIpPrefix> Ancestors { get; set; } = [];
        public AwsAddressMatch Match { get; set; } = null!;

        /// <summary>The first address of this network not yet given to an interval.</summary>
        public UInt128 Cursor { get; set; }

        /// <summary>Every address of this network is given to an interval.</summary>
        public bool Done { get; set; }
    }
}
