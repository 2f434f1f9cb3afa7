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

/// <summary>Names from the interface inventory: an interface's owner, and the owner of its addresses, before the ranges.</summary>
public sealed class InventoryNamesTests
{
    private static readonly ResourceNames Names = new(
        AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text([new("10.0.0.0/8", "us-east-1", "EC2")]), "ranges.json")),
        [
            new Core.Inventory.InterfaceRecord
            {
                SnapshotTime = "2026-11-02T00:00:00Z", AccountId = "111111111111", Region = "us-east-1", InterfaceId = "eni-1", InterfaceType = "interface",
                InstanceId = "i-1", InstanceName = "web-1", PrivateIp = "10.0.1.5", Addresses = "10.0.1.5 10.0.1.6 2600:1f18::5",
            },
            new Core.Inventory.InterfaceRecord
            {
                SnapshotTime = "2026-11-02T00:00:00Z", AccountId = "111111111111", Region = "us-east-1", InterfaceId = "eni-2", InterfaceType = "nat_gateway",
                Description = "Interface for NAT Gateway nat-1", PrivateIp = "10.0.2.9", PublicIp = "3.80.1.1", RequesterId = "440000000000",
                SecurityGroupNames = "nat,egress",
            },
        ]);

    [Theory]
    [InlineData("interface_id", "eni-1", "web-1, instance")]
    [InlineData("interface_id", "eni-2", "Interface for NAT Gateway nat-1, nat_gateway, by 440000000000, groups nat,egress")]
    [InlineData("interface_id", "eni-9", null)]
    [InlineData("srcaddr", "10.0.1.6", "web-1, instance")]
    [InlineData("dstaddr", "2600:1f18::5", "web-1, instance")]
    [InlineData("dstaddr", "3.80.1.1", "Interface for NAT Gateway nat-1, nat_gateway, by 440000000000, groups nat,egress")]
    [InlineData("dstaddr", "10.9.9.9", "EC2 us-east-1")]
    [InlineData("vpc_id", "eni-1", null)]
    [InlineData("instance_id", "i-1", "web-1")]
    [InlineData("instance_id", "i-9", null)]
    public void Interfaces_and_their_addresses_are_named_by_their_owner_before_the_ranges(string column, string value, string? name) =>
        Assert.Equal(name, Names.NameOf(column, value));
}
