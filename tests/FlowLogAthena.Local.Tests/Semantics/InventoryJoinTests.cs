using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The interface inventory joined by interface id on the local engine: a default-format (v2) log's interfaces get their
/// owners (type, description, requester, VPC, subnet, instance and Name, security groups) from the latest snapshot, and
/// egress without tag fields is allocated by the inventory's cost-center tag.
/// </summary>
public sealed class InventoryJoinTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private const long T = 1793578200; // 2026-11-02T00:10:00Z
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static InterfaceRecord Eni(string id, string snapshot, string? type, string? description, string? instance, string? name, string? costCenter) => new()
    {
        SnapshotTime = snapshot,
        AccountId = "111111111111",
        Region = "us-east-1",
        InterfaceId = id,
        InterfaceType = type,
        Description = description,
        RequesterId = type == "interface" ? null : "amazon-elb",
        VpcId = "vpc-0aaaaaaaaaaaaaaaa",
        SubnetId = "subnet-0aaaaaaaaaaaaaaaa",
        PrivateIp = "10.0.1.5",
        InstanceId = instance,
        InstanceName = name,
        SecurityGroupIds = "sg-0aaaaaaaaaaaaaaaa,sg-0bbbbbbbbbbbbbbbb",
        SecurityGroupNames = "web,ssh",
        Tags = costCenter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["CostCenter"] = costCenter },
    };

    /// <summary>An older snapshot (other owners, which must not be used) and the latest.</summary>
    private async Task<string> InventoryAsync()
    {
        var root = _root.Combine("inventory");
        var older = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await InventorySnapshot.WriteLocalAsync(root, older, [Eni("eni-0aaaaaaaaaaaaaaaa", InventorySnapshot.Time(older), "interface", null, "i-0old", "old-name", "old")], CancellationToken.None);
        var latest = older.AddDays(1);
        await InventorySnapshot.WriteLocalAsync(root, latest,
        [
            Eni("eni-0aaaaaaaaaaaaaaaa", InventorySnapshot.Time(latest), "interface", "Primary network interface", "i-0aaaaaaaaaaaaaaaa", "web-1", "payments"),
            Eni("eni-0bbbbbbbbbbbbbbbb", InventorySnapshot.Time(latest), "network_load_balancer", "ELB net/front/0123", null, null, null),
        ], CancellationToken.None);
        return InventorySnapshot.LocalSnapshots(root)[^1];
    }

    [Fact]
    public async Task A_v2_log_gets_the_owner_of_each_interface_from_the_latest_snapshot()
    {
        _root.WriteGzip("logs/AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/11/02/111111111111_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0105Z_abcd1234.log.gz",
            FlowLogFormat.DefaultFormatString.Replace("${", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal),
            $"2 111111111111 eni-0aaaaaaaaaaaaaaaa 10.0.1.5 52.216.1.1 40000 443 6 10 5000 {T} {T + 60} ACCEPT OK",
            $"2 111111111111 eni-0bbbbbbbbbbbbbbbb 10.0.1.9 10.0.1.5 40001 80 6 5 700 {T} {T + 60} ACCEPT OK",
            $"2 111111111111 eni-0cccccccccccccccc 10.0.1.7 10.0.1.5 40002 80 6 1 100 {T} {T + 60} ACCEPT OK");
        var source = new FlowLogSource(_root.Combine("logs"), FlowLogFormat.Default, SourceLayout.DefaultLayout);

        var rows = (await LocalPaths.RunAsync(Catalog.Get("top-interfaces"), new Dictionary<string, string>(), source, TimeWindow.Parse("2026-11-02", "2026-11-03"),
            inventorySnapshot: await InventoryAsync())).Rows;

        ReferenceCheck.AssertRows("top-interfaces with the inventory", rows,
        [
            ["eni-0aaaaaaaaaaaaaaaa", 5000L, 10L, 1L, null, null, "interface", "Primary network interface", null, "vpc-0aaaaaaaaaaaaaaaa", "subnet-0aaaaaaaaaaaaaaaa",
                "i-0aaaaaaaaaaaaaaaa", "web-1", "sg-0aaaaaaaaaaaaaaaa,sg-0bbbbbbbbbbbbbbbb", "web,ssh"],
            ["eni-0bbbbbbbbbbbbbbbb", 700L, 5L, 1L, null, null, "network_load_balancer", "ELB net/front/0123", "amazon-elb", "vpc-0aaaaaaaaaaaaaaaa",
                "subnet-0aaaaaaaaaaaaaaaa", null, null, "sg-0aaaaaaaaaaaaaaaa,sg-0bbbbbbbbbbbbbbbb", "web,ssh"],
            ["eni-0cccccccccccccccc", 100L, 1L, 1L, null, null, null, null, null, null, null, null, null, null, null], // not in the inventory
        ]);
    }

    [Fact]
    public async Task Egress_without_tag_fields_is_allocated_by_the_inventorys_cost_center_tag()
    {
        var format = FlowLogFormat.Parse("${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} "
            + "${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${flow-direction} ${traffic-path}");
        _root.WriteGzip("logs/AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/11/02/111111111111_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0105Z_abcd1234.log.gz",
            string.Join(' ', format.Fields.Select(f => f.Name)),
            $"5 111111111111 eni-0aaaaaaaaaaaaaaaa 10.0.1.5 198.51.100.7 40000 443 6 10 {1L << 30} {T} {T + 60} ACCEPT OK vpc-0aaaaaaaaaaaaaaaa subnet-0aaaaaaaaaaaaaaaa i-0aaaaaaaaaaaaaaaa egress 8",
            $"5 111111111111 eni-0bbbbbbbbbbbbbbbb 10.0.1.9 198.51.100.7 40000 443 6 10 {2L << 30} {T} {T + 60} ACCEPT OK vpc-0aaaaaaaaaaaaaaaa subnet-0aaaaaaaaaaaaaaaa - egress 8");
        var source = new FlowLogSource(_root.Combine("logs"), format, SourceLayout.DefaultLayout);

        var rows = (await LocalPaths.RunAsync(Catalog.Get("egress-cost"), new Dictionary<string, string>(), source, TimeWindow.Parse("2026-11-02", "2026-11-03"),
            inventorySnapshot: await InventoryAsync())).Rows;

        // The load balancer's interface has no CostCenter tag: unallocated; the instance's interface is 'payments' from the inventory.
        Assert.Equal(2, rows.Count);
        Assert.Equal(["unallocated", "none", "internet", 2L << 30], new[] { rows[0][4], rows[0][5], rows[0][6], rows[0][9] });
        Assert.Equal(["payments", "inventory-tag", "internet", 1L << 30], new[] { rows[1][4], rows[1][5], rows[1][6], rows[1][9] });
    }

    [Fact]
    public async Task A_v2_log_is_broken_down_by_vpc_subnet_instance_and_tag_from_the_inventory()
    {
        _root.WriteGzip("logs/AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/11/02/111111111111_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0105Z_abcd1234.log.gz",
            FlowLogFormat.DefaultFormatString.Replace("${", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal),
            $"2 111111111111 eni-0aaaaaaaaaaaaaaaa 10.0.1.5 52.216.1.1 40000 443 6 10 5000 {T} {T + 60} ACCEPT OK",
            $"2 111111111111 eni-0aaaaaaaaaaaaaaaa 10.0.1.5 52.216.1.2 40000 443 6 10 3000 {T} {T + 60} ACCEPT OK",
            $"2 111111111111 eni-0bbbbbbbbbbbbbbbb 10.0.1.9 10.0.1.5 40001 80 6 5 700 {T} {T + 60} ACCEPT OK",
            $"2 111111111111 eni-0cccccccccccccccc 10.0.1.7 10.0.1.5 40002 80 6 1 100 {T} {T + 60} ACCEPT OK");
        var source = new FlowLogSource(_root.Combine("logs"), FlowLogFormat.Default, SourceLayout.DefaultLayout);

        var snapshot = await InventoryAsync();
        var rows = (await LocalPaths.RunAsync(Catalog.Get("traffic-by-owner"), new Dictionary<string, string>(), source, TimeWindow.Parse("2026-11-02", "2026-11-03"),
            inventorySnapshot: snapshot)).Rows;

        ReferenceCheck.AssertRows("traffic-by-owner", rows,
        [
            ["vpc-0aaaaaaaaaaaaaaaa", "subnet-0aaaaaaaaaaaaaaaa", "i-0aaaaaaaaaaaaaaaa", "web-1", "interface", "payments", 1L, 8000L, 20L, 2L],
            ["vpc-0aaaaaaaaaaaaaaaa", "subnet-0aaaaaaaaaaaaaaaa", null, null, "network_load_balancer", null, 1L, 700L, 5L, 1L],
            [null, null, null, null, null, null, 1L, 100L, 1L, 1L], // not in the inventory
        ]);
        var other = (await LocalPaths.RunAsync(Catalog.Get("traffic-by-owner"), new Dictionary<string, string> { ["tag_key"] = "Team" }, source,
            TimeWindow.Parse("2026-11-02", "2026-11-03"), inventorySnapshot: snapshot)).Rows;
        Assert.All(other, r => Assert.Null(r[5]));
    }
}
