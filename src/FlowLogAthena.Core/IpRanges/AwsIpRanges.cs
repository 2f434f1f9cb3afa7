using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>
/// AWS's published IP address ranges (<c>ip-ranges.json</c>, https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-syntax.html):
/// the publication time (<c>syncToken</c>, Unix seconds, and <c>createDate</c>) and every IPv4 and IPv6 entry. Read
/// strictly: a document that is not AWS's schema is refused naming the file and the entry, so a wrong file never
/// classifies traffic quietly. Unknown service and region codes are kept (AWS adds them over time).
/// </summary>
public sealed partial class AwsIpRanges
{
    /// <summary>AWS's file is about 2 MB; far more than it will grow to, far less than would strain memory.</summary>
    public const int MaxFileBytes = 64 << 20;

    /// <summary>The widest networks accepted: AWS publishes none wider.</summary>
    public const int MinIpv4PrefixLength = 8, MinIpv6PrefixLength = 16;

    private AwsIpRanges(long syncToken, string createDate, IReadOnlyList<AwsIpPrefix> prefixes)
    {
        SyncToken = syncToken;
        CreateDate = createDate;
        Prefixes = prefixes;
    }

    /// <summary>The publication time in Unix seconds: a newer file has a larger token.</summary>
    public long SyncToken { get; }

    /// <summary>The publication time as AWS writes it, <c>yyyy-MM-dd-HH-mm-ss</c> UTC.</summary>
    public string CreateDate { get; }

    /// <summary>Every entry, IPv4 then IPv6, in the file's order.</summary>
    public IReadOnlyList<AwsIpPrefix> Prefixes { get; }

    /// <summary>Reads a ranges file; every problem names the file.</summary>
    public static AwsIpRanges Load(string path)
    {
        var text = InputFile.ReadText(path, reason => new AwsIpRangesException($"Address ranges file '{path}' {reason}."), MaxFileBytes);
        return Parse(text, path);
    }

    /// <summary>Parses the document; <paramref name="sourceName"/> names it in errors (a path or a URL).</summary>
    public static AwsIpRanges Parse(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw Refused(sourceName, $"is not JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Refused(sourceName, "is not a JSON object with syncToken, createDate, prefixes and ipv6_prefixes");
            var syncTokenText = RequiredString(root, "syncToken", sourceName);
            if (!long.TryParse(syncTokenText, NumberStyles.None, CultureInfo.InvariantCulture, out var syncToken))
                throw Refused(sourceName, $"has syncToken '{Shorten(syncTokenText)}', which is not Unix seconds");
            var createDate = RequiredString(root, "createDate", sourceName);
            if (!DateTime.TryParseExact(createDate, "yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw Refused(sourceName, $"has createDate '{Shorten(createDate)}', which is not yyyy-mm-dd-hh-mm-ss");
            var prefixes = new List<AwsIpPrefix>();
            ReadEntries(root, "prefixes", "ip_prefix", ipv4: true, sourceName, prefixes);
            ReadEntries(root, "ipv6_prefixes", "ipv6_prefix", ipv4: false, sourceName, prefixes);
            if (prefixes.Count == 0) throw Refused(sourceName, "holds no prefixes");
            return new AwsIpRanges(syncToken, createDate, prefixes);
        }
    }

    private static void ReadEntries(JsonElement root, string arrayName, string prefixKey, bool ipv4, string sourceName, List<AwsIpPrefix> into)
    {
        if (!root.TryGetProperty(arrayName, out var array))
            throw Refused(sourceName, $"has no '{arrayName}' array");
        if (array.ValueKind != JsonValueKind.Array) throw Refused(sourceName, $"has '{arrayName}' that is not an array");
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var where = $"{arrayName}[{index}]";
            if (entry.ValueKind != JsonValueKind.Object) throw Refused(sourceName, $"has {where} that is not an object");
            var prefixText = RequiredString(entry, prefixKey, sourceName, where);
            // AWS's own example writes a prefix with host bits set (198.51.100.2/24): the network is what counts.
            if (!IpNetwork.TryParse(prefixText, out var network) || network.IsIpv4 != ipv4)
                throw Refused(sourceName, $"has {where}.{prefixKey} '{Shorten(prefixText)}', which is not an {(ipv4 ? "IPv4" : "IPv6")} network in CIDR form");
            // Wider than AWS publishes (IPv4 /8, IPv6 /16): the engines' tables cut ranges into /16 (IPv4) and /32 (IPv6)
            // buckets, and a /0 would be billions of rows.
            if (network.PrefixLength < (ipv4 ? MinIpv4PrefixLength : MinIpv6PrefixLength))
                throw Refused(sourceName, $"has {where}.{prefixKey} '{Shorten(prefixText)}', wider than /{(ipv4 ? MinIpv4PrefixLength : MinIpv6PrefixLength)}, which no AWS range is");
            var region = Code(entry, "region", RegionPattern(), sourceName, where);
            var borderGroup = Code(entry, "network_border_group", RegionPattern(), sourceName, where);
            var service = Code(entry, "service", ServicePattern(), sourceName, where);
            into.Add(new AwsIpPrefix(network, region, borderGroup, service));
            index++;
        }
    }

    private static string Code(JsonElement entry, string key, Regex pattern, string sourceName, string where)
    {
        var value = RequiredString(entry, key, sourceName, where);
        return pattern.IsMatch(value)
            ? value
            : throw Refused(sourceName, $"has {where}.{key} '{Shorten(value)}', which is not a code of letters, digits{(key == "service" ? " and _" : " and -")} (at most 64)");
    }

    private static string RequiredString(JsonElement element, string key, string sourceName, string? where = null)
    {
        var name = where is null ? key : $"{where}.{key}";
        if (!element.TryGetProperty(key, out var value)) throw Refused(sourceName, $"has no '{name}'");
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Refused(sourceName, $"has '{name}' that is not a string");
    }

    private static AwsIpRangesException Refused(string sourceName, string reason) =>
        new($"Address ranges '{sourceName}' {reason}; expected AWS's ip-ranges.json (https://ip-ranges.amazonaws.com/ip-ranges.json).");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ServicePattern();
}
