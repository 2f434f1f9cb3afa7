using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>The generator's AWS ranges as an ip-ranges.json: AWS's schema, every range under AMAZON and its service, spread over the regions.</summary>
public sealed class GeneratedIpRangesTests
{
    [Fact]
    public void The_file_is_aws_schema_and_places_each_generator_range_in_a_region()
    {
        var ranges = AwsIpRanges.Parse(GeneratedIpRanges.Json(["us-east-1", "eu-west-1"]), "generated");

        var cidrs = AwsServices.RangeCidrsWithServices().ToList();
        Assert.Equal(cidrs.Select(c => c.Cidr).Order(StringComparer.Ordinal), ranges.Prefixes.Select(p => p.Network.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(cidrs, c => Assert.Contains(ranges.Prefixes, p => p.Network.ToString() == c.Cidr && p.Service == c.Service));
        Assert.All(cidrs, c => Assert.Contains(ranges.Prefixes, p => p.Network.ToString() == c.Cidr && p.Service == "AMAZON"));
        Assert.Equal(["GLOBAL", "eu-west-1", "us-east-1"], ranges.Prefixes.Select(p => p.Region).Distinct().Order(StringComparer.Ordinal));
        Assert.All(ranges.Prefixes.Where(p => p.Service == "CLOUDFRONT"), p => Assert.Equal("GLOBAL", p.Region));
    }
}
