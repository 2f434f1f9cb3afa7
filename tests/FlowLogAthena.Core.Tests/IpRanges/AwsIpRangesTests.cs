using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Core.Tests.IpRanges;

/// <summary>AWS's ranges file is read strictly: AWS's schema and documented example parse; anything else is refused naming the entry.</summary>
public sealed class AwsIpRangesTests
{
    private const string AwsExample = """
        {
          "syncToken": "1416435608",
          "createDate": "2014-11-19-23-29-02",
          "prefixes": [
            { "ip_prefix": "198.51.100.2/24", "region": "us-east-1", "network_border_group": "us-east-1", "service": "AMAZON" },
            { "ip_prefix": "23.20.0.0/14", "region": "us-east-1", "network_border_group": "us-east-1", "service": "AMAZON" },
            { "ip_prefix": "15.230.221.0/24", "region": "us-west-2", "network_border_group": "us-west-2-lax-1", "service": "EC2" }
          ],
          "ipv6_prefixes": [
            { "ipv6_prefix": "2001:db8:1234::/64", "region": "GLOBAL", "network_border_group": "GLOBAL", "service": "CLOUDFRONT" }
          ]
        }
        """;

    [Fact]
    public void Aws_documented_example_parses_with_host_bits_cleared_and_global_kept()
    {
        var ranges = AwsIpRanges.Parse(AwsExample, "example.json");

        Assert.Equal(1416435608, ranges.SyncToken);
        Assert.Equal("2014-11-19-23-29-02", ranges.CreateDate);
        Assert.Equal(["198.51.100.0/24", "23.20.0.0/14", "15.230.221.0/24", "2001:db8:1234::/64"], ranges.Prefixes.Select(p => p.Network.ToString()));
        Assert.Equal("us-west-2-lax-1", ranges.Prefixes[2].NetworkBorderGroup);
        Assert.Equal(("GLOBAL", "CLOUDFRONT"), (ranges.Prefixes[3].Region, ranges.Prefixes[3].Service));
    }

    [Fact]
    public void Unknown_service_and_region_codes_are_kept()
    {
        var json = IpRangesJson.Text([new("10.0.0.0/8", "xx-future-9", "SOME_NEW_SERVICE")]);

        var prefix = Assert.Single(AwsIpRanges.Parse(json, "new.json").Prefixes);

        Assert.Equal(("xx-future-9", "SOME_NEW_SERVICE"), (prefix.Region, prefix.Service));
    }

    [Theory]
    [InlineData("{", "is not JSON (line")]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("""{"createDate":"2026-01-01-00-00-00","prefixes":[],"ipv6_prefixes":[]}""", "has no 'syncToken'")]
    [InlineData("""{"syncToken":"12a","createDate":"2026-01-01-00-00-00","prefixes":[],"ipv6_prefixes":[]}""", "syncToken '12a', which is not Unix seconds")]
    [InlineData("""{"syncToken":"1","createDate":"2026/01/01","prefixes":[],"ipv6_prefixes":[]}""", "createDate '2026/01/01'")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":{},"ipv6_prefixes":[]}""", "'prefixes' that is not an array")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[]}""", "has no 'ipv6_prefixes' array")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[],"ipv6_prefixes":[]}""", "holds no prefixes")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"10.0.0.0/33","region":"r","network_border_group":"r","service":"S3"}],"ipv6_prefixes":[]}""",
        "prefixes[0].ip_prefix '10.0.0.0/33', which is not an IPv4 network")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"2001:db8::/32","region":"r","network_border_group":"r","service":"S3"}],"ipv6_prefixes":[]}""",
        "prefixes[0].ip_prefix '2001:db8::/32', which is not an IPv4 network")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[],"ipv6_prefixes":[{"ipv6_prefix":"::ffff:10.0.0.0/104","region":"r","network_border_group":"r","service":"S3"}]}""",
        "ipv6_prefixes[0].ipv6_prefix '::ffff:10.0.0.0/104', which is not an IPv6 network")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"0.0.0.0/0","region":"r","network_border_group":"r","service":"S3"}],"ipv6_prefixes":[]}""",
        "wider than /8")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[],"ipv6_prefixes":[{"ipv6_prefix":"::/0","region":"r","network_border_group":"r","service":"S3"}]}""",
        "wider than /16")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"10.0.0.0/8","region":"us-east-1'; DROP","network_border_group":"r","service":"S3"}],"ipv6_prefixes":[]}""",
        "prefixes[0].region 'us-east-1'; DROP', which is not a code")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"10.0.0.0/8","region":"r","network_border_group":"r","service":"s3,ec2"}],"ipv6_prefixes":[]}""",
        "prefixes[0].service 's3,ec2'")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"10.0.0.0/8","region":"r","service":"S3"}],"ipv6_prefixes":[]}""",
        "has no 'prefixes[0].network_border_group'")]
    [InlineData("""{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":167772160,"region":"r","network_border_group":"r","service":"S3"}],"ipv6_prefixes":[]}""",
        "'prefixes[0].ip_prefix' that is not a string")]
    public void A_file_that_is_not_aws_schema_is_refused_naming_the_entry(string json, string reason)
    {
        var error = Assert.Throws<AwsIpRangesException>(() => AwsIpRanges.Parse(json, "bad.json"));

        Assert.True(error.IsBadInput);
        Assert.StartsWith("Address ranges 'bad.json' ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("expected AWS's ip-ranges.json", error.Message);
    }

    [Fact]
    public void A_missing_folder_or_fifo_is_refused_naming_the_path()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("none.json");
        Assert.Contains("does not exist", Assert.Throws<AwsIpRangesException>(() => AwsIpRanges.Load(missing)).Message);
        var fifo = TempFolder.Fifo(folder.Combine("pipe.json"));
        var error = Assert.Throws<AwsIpRangesException>(() => AwsIpRanges.Load(fifo));
        Assert.Contains(fifo, error.Message);
        Assert.Contains("not a regular file", error.Message);
    }
}
