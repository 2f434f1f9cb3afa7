using System.Text.Json;

namespace FlowLogAthena.Testing;

/// <summary>
/// A ranges file in the schema of AWS's ip-ranges.json (syncToken, createDate, prefixes, ipv6_prefixes), written by a
/// test: no test reaches the network. <see cref="ForGenerator"/> gives the generator's AWS ranges regions.
/// </summary>
public static class IpRangesJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed record Entry(string Prefix, string Region, string Service, string? BorderGroup = null);

    public static string Text(IEnumerable<Entry> entries, long syncToken = 1_790_000_000, string createDate = "2026-09-21-12-00-00")
    {
        var list = entries.ToList();
        object Shape(Entry e, string key) => new Dictionary<string, string>
        {
            [key] = e.Prefix,
            ["region"] = e.Region,
            ["service"] = e.Service,
            ["network_border_group"] = e.BorderGroup ?? e.Region,
        };
        var document = new Dictionary<string, object>
        {
            ["syncToken"] = syncToken.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["createDate"] = createDate,
            ["prefixes"] = list.Where(e => !e.Prefix.Contains(':', StringComparison.Ordinal)).Select(e => Shape(e, "ip_prefix")).ToList(),
            ["ipv6_prefixes"] = list.Where(e => e.Prefix.Contains(':', StringComparison.Ordinal)).Select(e => Shape(e, "ipv6_prefix")).ToList(),
        };
        return JsonSerializer.Serialize(document, Indented);
    }

    public static string Write(string path, IEnumerable<Entry> entries, long syncToken = 1_790_000_000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Text(entries, syncToken));
        return path;
    }

    /// <summary>
    /// The generator's AWS ranges (Synthetic/Network/AwsServices) placed in its two default regions, AWS's way: every
    /// range also under AMAZON, some only there, a service range inside a wider AMAZON one, EC2 overlapping another
    /// service, a GLOBAL range, and IPv6 ones. Records in us-east-1 and eu-west-1 then reach S3 in their own region and
    /// in the other.
    /// </summary>
    public static IReadOnlyList<Entry> ForGenerator() =>
    [
        new("52.216.0.0/15", "us-east-1", "AMAZON"),
        new("52.216.0.0/15", "us-east-1", "S3"),
        new("3.5.0.0/19", "eu-west-1", "AMAZON"),
        new("3.5.0.0/19", "eu-west-1", "S3"),
        new("52.94.0.0/20", "us-east-1", "AMAZON"),
        new("52.94.0.0/22", "us-east-1", "DYNAMODB"),
        new("3.80.0.0/12", "us-east-1", "AMAZON"),
        new("3.80.0.0/12", "us-east-1", "EC2"),
        new("54.144.0.0/12", "eu-west-1", "AMAZON"),
        new("54.144.0.0/12", "eu-west-1", "EC2"),
        new("13.32.0.0/15", "GLOBAL", "AMAZON"),
        new("13.32.0.0/15", "GLOBAL", "CLOUDFRONT"),
        new("54.239.0.0/17", "us-east-1", "AMAZON"),
        new("54.243.0.0/16", "us-east-1", "AMAZON"),
        new("54.243.31.192/26", "us-east-1", "ROUTE53_HEALTHCHECKS"),
        new("3.216.135.0/24", "us-east-1", "AMAZON"),
        new("3.216.135.0/24", "us-east-1", "API_GATEWAY"),
        new("18.204.0.0/14", "us-east-1", "AMAZON"),
        new("18.204.0.0/14", "us-east-1", "EC2"),
        new("18.206.107.24/29", "us-east-1", "EC2_INSTANCE_CONNECT"),
        new("2600:1f18::/33", "us-east-1", "AMAZON"),
        new("2600:1f18::/33", "us-east-1", "EC2"),
        new("2a05:d018::/36", "eu-west-1", "AMAZON"),
        new("2a05:d018::/36", "eu-west-1", "S3"),
        new("2600:9000::/28", "GLOBAL", "CLOUDFRONT"),
    ];
}

/// <summary>
/// The independent side of address classification: every entry whose network holds the address, by .NET's own
/// <see cref="System.Net.IPNetwork"/>, then AWS's documented overlaps rule (a code other than AMAZON and EC2, then EC2,
/// then AMAZON; the most specific prefix first, then the code, region and border group by name).
/// </summary>
public static class IpRangesReference
{
    public sealed record Answer(string Service, string Services, string Region, string BorderGroup, string Prefix);

    public static Answer? Lookup(IReadOnlyList<IpRangesJson.Entry> entries, string addressText)
    {
        var address = System.Net.IPAddress.Parse(addressText);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var holding = entries.Select(e => (Entry: e, Network: System.Net.IPNetwork.Parse(Masked(e.Prefix))))
            .Where(x => x.Network.BaseAddress.AddressFamily == address.AddressFamily && x.Network.Contains(address)).ToList();
        if (holding.Count == 0) return null;
        static int Rank(string service) => service switch { "AMAZON" => 2, "EC2" => 1, _ => 0 };
        var chosen = holding.OrderBy(x => Rank(x.Entry.Service)).ThenByDescending(x => x.Network.PrefixLength)
            .ThenBy(x => x.Entry.Service, StringComparer.Ordinal).ThenBy(x => x.Entry.Region, StringComparer.Ordinal)
            .ThenBy(x => x.Entry.BorderGroup ?? x.Entry.Region, StringComparer.Ordinal).First();
        var services = string.Join(",", holding.Select(x => x.Entry.Service).Distinct().Order(StringComparer.Ordinal));
        return new Answer(chosen.Entry.Service, services, chosen.Entry.Region, chosen.Entry.BorderGroup ?? chosen.Entry.Region, chosen.Network.ToString());
    }

    /// <summary>AWS may write a prefix with host bits set; IPNetwork.Parse refuses those, so clear them first.</summary>
    private static string Masked(string prefix)
    {
        var parts = prefix.Split('/');
        var bytes = System.Net.IPAddress.Parse(parts[0]).GetAddressBytes();
        var length = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        for (var bit = length; bit < bytes.Length * 8; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return $"{new System.Net.IPAddress(bytes)}/{length}";
    }
}
