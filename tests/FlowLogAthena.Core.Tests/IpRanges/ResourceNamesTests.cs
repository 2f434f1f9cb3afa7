using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Core.Names;

namespace FlowLogAthena.Core.Tests.IpRanges;

/// <summary>Names beside ids: only address columns, only addresses the ranges know, nothing without ranges.</summary>
public sealed class ResourceNamesTests
{
    private static readonly ResourceNames Names = new(AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(IpRangesJson.ForGenerator()), "ranges.json")));

    [Theory]
    [InlineData("dstaddr", "52.216.9.9", "S3 us-east-1")]
    [InlineData("pkt_srcaddr", "3.5.0.7", "S3 eu-west-1")]
    [InlineData("peer_dstaddr", "13.32.0.1", "CLOUDFRONT GLOBAL")]
    [InlineData("address", "2a05:d018::1", "S3 eu-west-1")]
    [InlineData("destination", "18.206.107.25", "EC2_INSTANCE_CONNECT us-east-1")]
    [InlineData("dstaddr", "8.8.8.8", null)]
    [InlineData("dstaddr", "not an address", null)]
    [InlineData("dstaddr", "-", null)]
    [InlineData("bytes", "52.216.9.9", null)]
    [InlineData("interface_id", "52.216.9.9", null)]
    public void Only_address_columns_holding_an_aws_address_get_a_name(string column, string value, string? name) =>
        Assert.Equal(name, Names.NameOf(column, value));

    [Fact]
    public void Without_ranges_nothing_is_named()
    {
        Assert.True(ResourceNames.None.IsEmpty);
        Assert.Null(ResourceNames.None.NameOf("dstaddr", "52.216.9.9"));
        Assert.Null(Names.NameOf("dstaddr", 12345L));
    }
}
