using System.Globalization;
using System.Text.Json;
using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// The AWS address ranges the generator draws its AWS destinations from, as an ip-ranges.json in AWS's schema: each range
/// placed in one of the generated regions in turn (CloudFront GLOBAL) and listed under AMAZON too, as AWS lists every
/// range. With it, generated traffic to S3 is partly in its own region and partly in another, as in a real account.
/// </summary>
public static class GeneratedIpRanges
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(IReadOnlyList<string> regions)
    {
        ArgumentOutOfRangeException.ThrowIfZero(regions.Count);
        var entries = new List<Dictionary<string, string>>();
        foreach (var (cidr, service, index) in AwsServices.RangeCidrsWithServices().Select((r, i) => (r.Cidr, r.Service, i)))
        {
            var region = service == "CLOUDFRONT" ? "GLOBAL" : regions[index % regions.Count];
            foreach (var code in service == "AMAZON" ? ["AMAZON"] : new[] { "AMAZON", service })
                entries.Add(new() { ["ip_prefix"] = cidr, ["region"] = region, ["network_border_group"] = region, ["service"] = code });
        }
        var document = new Dictionary<string, object>
        {
            ["syncToken"] = 1_790_000_000.ToString(CultureInfo.InvariantCulture),
            ["createDate"] = "2026-09-21-12-00-00",
            ["prefixes"] = entries,
            ["ipv6_prefixes"] = Array.Empty<object>(),
        };
        return JsonSerializer.Serialize(document, Indented);
    }
}
