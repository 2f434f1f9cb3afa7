using System.Net;
using System.Net.Sockets;
using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>What the records say, checked on one in-memory run of every field (20,000 records, 4 files).</summary>
public sealed class GeneratorRecordContentTests
{
    private static readonly GeneratorOptions Options = new() { Root = "unused", Format = AllFields, Records = 20_000, Seed = 3 };

    private static readonly Lazy<List<GeneratedFile>> LazyFiles = new(() => FlowLogGenerator.Plan(Options).Files.ToList());
    private static readonly Lazy<List<FlowRecord>> LazyRecords = new(() => LazyFiles.Value.SelectMany(f => f.EnumerateRecords()).ToList());

    private static List<FlowRecord> Records => LazyRecords.Value;

    private static IEnumerable<FlowRecord> Ok => Records.Where(r => r["log-status"] == "OK");

    [Fact]
    public void Records_start_inside_the_window_and_their_file_slice_and_last_at_most_a_minute()
    {
        foreach (var file in LazyFiles.Value)
        {
            var from = new DateTimeOffset(file.SliceStartUtc).ToUnixTimeSeconds();
            var to = new DateTimeOffset(file.SliceEndUtc).ToUnixTimeSeconds();
            var partitionEnd = new DateTimeOffset(file.PartitionStartUtc.AddDays(1)).ToUnixTimeSeconds();
            foreach (var record in file.EnumerateRecords())
            {
                var start = record.GetInt64("start")!.Value;
                var end = record.GetInt64("end")!.Value;
                Assert.Equal(record.StartUnixSeconds, start);
                Assert.InRange(start, Options.Window.FromUnixSeconds, Options.Window.ToUnixSecondsExclusive - 1);
                Assert.InRange(start, from, to - 1);
                Assert.InRange(start, new DateTimeOffset(file.PartitionStartUtc).ToUnixTimeSeconds(), partitionEnd - 1);
                Assert.InRange(end - start, 0, 60);
            }
        }
    }

    [Fact]
    public void Version_account_and_region_come_from_the_format_and_the_partition()
    {
        foreach (var file in LazyFiles.Value)
        {
            Assert.All(file.EnumerateRecords(), r =>
            {
                Assert.Equal(11, r.GetInt32("version"));
                Assert.Equal(file.Account, r["account-id"]);
                if (r["log-status"] == "OK") Assert.Equal(file.Region, r["region"]);
            });
        }
        Assert.Equal(2, FlowLogFormat.Default.RecordVersion);
        Assert.Equal(8, FlowLogFormat.Parse("${srcaddr} ${reject-reason}").RecordVersion);
        Assert.All(AllRecords(new GeneratorOptions { Root = "unused", Format = FlowLogFormat.Parse("${srcaddr} ${reject-reason}"), Records = 50 }),
            r => Assert.Equal(2, r.Values.Count));
    }

    [Fact]
    public void Traffic_is_east_west_internet_and_private_with_realistic_addresses()
    {
        var ok = Ok.ToList();
        Assert.Contains(ok, r => IsVpc(r["srcaddr"]) && IsVpc(r["dstaddr"]) && r["traffic-path"] is "1" or null);
        Assert.Contains(ok, r => r["flow-direction"] == "egress" && IsVpc(r["srcaddr"]) && IsPublicV4(r["dstaddr"]));
        Assert.Contains(ok, r => r["flow-direction"] == "ingress" && IsPublicV4(r["srcaddr"]) && IsVpc(r["dstaddr"]));
        Assert.Contains(ok, r => r["pkt-dst-aws-service"] == "S3");
        Assert.Contains(ok, r => r["pkt-src-aws-service"] is "S3" or "EC2" or "AMAZON" or "CLOUDFRONT" or "DYNAMODB");
        Assert.True(ok.Count(r => r["pkt-src-aws-service"] is null && r["pkt-dst-aws-service"] is null) > ok.Count / 2);
    }

    [Fact]
    public void IPv6_and_ICMP_flows_are_present_with_their_conventions()
    {
        var ok = Ok.ToList();
        var ipv6 = ok.Where(r => r["type"] == "IPv6").ToList();
        Assert.NotEmpty(ipv6);
        Assert.All(ipv6, r =>
        {
            Assert.Equal(AddressFamily.InterNetworkV6, IPAddress.Parse(r["srcaddr"]!).AddressFamily);
            Assert.Equal(AddressFamily.InterNetworkV6, IPAddress.Parse(r["dstaddr"]!).AddressFamily);
        });
        Assert.Contains(ipv6, r => r["srcaddr"]!.StartsWith("2600:1f18:", StringComparison.Ordinal) || r["dstaddr"]!.StartsWith("2600:1f18:", StringComparison.Ordinal));
        Assert.All(ok.Where(r => r["type"] == "IPv4"), r => Assert.Equal(AddressFamily.InterNetwork, IPAddress.Parse(r["srcaddr"]!).AddressFamily));

        var icmp = ok.Where(r => r["protocol"] is "1" or "58").ToList();
        Assert.Contains(icmp, r => r["protocol"] == "1" && r["type"] == "IPv4");
        Assert.Contains(icmp, r => r["protocol"] == "58" && r["type"] == "IPv6");
        Assert.All(icmp, r =>
        {
            Assert.Equal("0", r["srcport"]);
            Assert.Equal("0", r["dstport"]);
            Assert.Null(r["tcp-flags"]);
        });
    }

    [Fact]
    public void Every_traffic_path_code_appears_on_egress_and_none_on_ingress()
    {
        var ok = Ok.ToList();
        var egressPaths = ok.Where(r => r["flow-direction"] == "egress").Select(r => r.GetInt32("traffic-path")).ToHashSet();

        Assert.Superset(new HashSet<int?> { 1, 2, 3, 4, 5, 6, 7, 8 }, egressPaths);
        Assert.All(ok.Where(r => r["flow-direction"] == "ingress"), r => Assert.Null(r["traffic-path"]));
    }

    [Fact]
    public void Port_scans_are_rejected_across_many_destination_ports()
    {
        var rejected = Ok.Where(r => r["action"] == "REJECT").ToList();

        Assert.True(rejected.Select(r => r["dstport"]).Distinct().Count() >= 200, "expected a wide port sweep");
        var scanners = rejected.Where(r => r["flow-direction"] == "ingress").GroupBy(r => r["srcaddr"]).OrderByDescending(g => g.Count()).Take(3).ToList();
        Assert.All(scanners, g => Assert.True(g.Select(r => r["dstport"]).Distinct().Count() >= 50));
        Assert.Contains(rejected, r => r["tcp-flags"] == "2");
    }

    [Fact]
    public void Reject_reason_is_BPA_or_EC_on_some_rejects_and_dash_elsewhere()
    {
        var ok = Ok.ToList();
        Assert.Contains(ok, r => r["reject-reason"] == "BPA");
        Assert.Contains(ok, r => r["reject-reason"] == "EC"); // planted: plaintext dropped by Encryption Controls
        Assert.Contains(ok, r => r["action"] == "REJECT" && r["reject-reason"] is null);
        Assert.All(ok.Where(r => r["reject-reason"] is not null), r =>
        {
            Assert.Contains(r["reject-reason"], new[] { "BPA", "EC" });
            Assert.Equal("REJECT", r["action"]);
        });
    }

    [Fact]
    public void NAT_gateway_records_carry_the_original_addresses_in_pkt_fields()
    {
        var ok = Ok.ToList();
        var translated = ok.Where(r => r["pkt-srcaddr"] != r["srcaddr"] || r["pkt-dstaddr"] != r["dstaddr"]).ToList();

        Assert.Contains(translated, r => r["pkt-srcaddr"] != r["srcaddr"]);
        Assert.Contains(translated, r => r["pkt-dstaddr"] != r["dstaddr"]);
        Assert.All(translated, r => Assert.True(r["interface-type"] is "nat_gateway" or "regional_nat_gateway", r.ToLine()));
        Assert.True(ok.Count(r => r["pkt-srcaddr"] == r["srcaddr"] && r["pkt-dstaddr"] == r["dstaddr"]) > ok.Count * 9 / 10);
    }

    [Fact]
    public void Regional_NAT_flows_have_no_interface_and_name_the_gateway_in_resource_id()
    {
        var ok = Ok.ToList();
        var regional = ok.Where(r => r["interface-id"] is null).ToList();

        Assert.NotEmpty(regional);
        Assert.All(regional, r =>
        {
            Assert.Matches("^nat-[0-9a-f]{17}$", r["resource-id"]!);
            Assert.Equal("regional_nat_gateway", r["interface-type"]);
            Assert.Matches("^vpc-[0-9a-f]{17}$", r["vpc-id"]!);
        });
        Assert.All(ok.Where(r => r["interface-id"] is not null), r => Assert.Null(r["resource-id"]));
        Assert.Contains(ok, r => r["next-hop-interface-type"] == "regional_nat_gateway");
    }

    [Fact]
    public void Flow_direction_matches_the_interfaces_own_address()
    {
        // Each interface has one IPv4 (and at most one IPv6) address of its own: srcaddr on egress, dstaddr on ingress.
        var own = Ok.Where(r => r["interface-id"] is not null)
            .GroupBy(r => r["interface-id"])
            .Select(g => g.Select(r => r["flow-direction"] == "egress" ? r["srcaddr"] : r["dstaddr"]).Distinct().ToList())
            .ToList();

        Assert.True(own.Count > 500);
        Assert.All(own, addresses =>
        {
            Assert.InRange(addresses.Count, 1, 2);
            Assert.InRange(addresses.Count(a => a!.Contains(':', StringComparison.Ordinal)), 0, 1);
            Assert.All(addresses, a => Assert.True(IsVpc(a), a));
        });
    }

    [Fact]
    public void Every_field_has_plausible_values()
    {
        var ok = Ok.ToList();
        Assert.All(ok.Where(r => r["interface-id"] is not null), r => Assert.Matches("^eni-[0-9a-f]{17}$", r["interface-id"]!));
        Assert.All(ok.Where(r => r["subnet-id"] is not null), r => Assert.Matches("^subnet-[0-9a-f]{17}$", r["subnet-id"]!));
        Assert.Contains(ok, r => r["instance-id"] is { } id && id.StartsWith("i-", StringComparison.Ordinal) && id.Length == 19);
        Assert.Contains(ok, r => r["instance-id"] is null);
        Assert.Superset(new HashSet<string?> { "0", "1", "2", "3", "4", "18", "19" }, ok.Where(r => r["protocol"] == "6").Select(r => r["tcp-flags"]).ToHashSet());
        Assert.All(ok.Where(r => r["protocol"] != "6"), r => Assert.Null(r["tcp-flags"]));
        Assert.Subset(new HashSet<string?> { "0", "1", "2", "3", "4", "18", "19" }, ok.Select(r => r["tcp-flags"]).Where(f => f is not null).ToHashSet());

        Assert.Contains(ok, r => r["az-id"] == "use1-az1");
        Assert.Contains(ok, r => r["az-id"] == "euw1-az2");
        Assert.All(ok.Where(r => r["sublocation-type"] is not null), r => Assert.Null(r["az-id"]));
        Assert.Equal(new HashSet<string?> { "outpost", "localzone", "wavelength" }, ok.Select(r => r["sublocation-type"]).Where(t => t is not null).ToHashSet());
        Assert.True(ok.Count(r => r["sublocation-id"] is null) > ok.Count * 9 / 10);

        Assert.Equal(new HashSet<string?> { "0", "1", "2", "3", null }, ok.Select(r => r["encryption-status"]).ToHashSet());
        Assert.Equal(new HashSet<string?> { null, "nat_gateway", "network_load_balancer", "vpc_endpoint", "regional_nat_gateway" },
            ok.Select(r => r["interface-type"]).ToHashSet());
        Assert.Contains(ok, r => r["next-hop-interface-type"] == "transit_gateway");
        Assert.Contains(ok, r => r["next-hop-interface-id"] is not null && r["next-hop-az-id"] != r["az-id"]);
        Assert.Contains(ok, r => r["next-hop-vpc-id"] is not null && r["next-hop-vpc-id"] != r["vpc-id"]);
        Assert.Contains(ok, r => r["instance-tag"] is not null && r["asg-tag"] is not null && r["asg-tag-2"] is not null);
        Assert.Contains(ok, r => r["interface-tag"] is not null && r["interface-tag-2"] is not null);
        Assert.Contains(ok, r => r["instance-tag-2"] == "Data%20Platform");
        Assert.All(ok.Select(r => r.ToLine()), line => Assert.Equal(AllFields.Fields.Count, line.Split(' ').Length));
    }

    [Fact]
    public void ECS_fields_are_set_for_a_fraction_of_flows_and_agree_with_each_other()
    {
        var ok = Ok.ToList();
        var ecs = ok.Where(r => r["ecs-cluster-arn"] is not null).ToList();

        Assert.InRange(ecs.Count, ok.Count / 20, ok.Count / 2);
        Assert.All(ecs, r =>
        {
            Assert.Equal($"arn:aws:ecs:{r["region"]}:{r["account-id"]}:cluster/{r["ecs-cluster-name"]}", r["ecs-cluster-arn"]);
            Assert.Equal($"arn:aws:ecs:{r["region"]}:{r["account-id"]}:task/{r["ecs-cluster-name"]}/{r["ecs-task-id"]}", r["ecs-task-arn"]);
            Assert.Matches("^[0-9a-f]{32}$", r["ecs-task-id"]!);
            Assert.NotNull(r["ecs-container-id"]);
            Assert.StartsWith($"arn:aws:ecs:{r["region"]}:{r["account-id"]}:task-definition/", r["ecs-task-definition-arn"]);
            Assert.Equal(r["ecs-container-instance-arn"] is null, r["ecs-container-instance-id"] is null);
        });
        Assert.Contains(ecs, r => r["ecs-container-instance-id"] is null); // Fargate
        Assert.Contains(ecs, r => r["ecs-service-name"] is null);
        Assert.Contains(ecs, r => r["ecs-second-container-id"] is not null);
        Assert.All(ok.Where(r => r["ecs-cluster-arn"] is null), r => Assert.Null(r["ecs-task-arn"]));
    }

    [Fact]
    public void Pairs_are_both_many_and_skewed_towards_heavy_hitters()
    {
        var pairs = Ok.GroupBy(r => (r["srcaddr"], r["dstaddr"])).Select(g => g.Count()).OrderDescending().ToList();
        var okCount = Ok.Count();

        Assert.True(pairs.Count > okCount * 4 / 10, $"{pairs.Count} distinct pairs in {okCount} records");
        Assert.True(pairs[0] >= 10 * pairs[pairs.Count / 2], "the busiest pair should stand far above the median");
        // Per account and region: each network has its own busiest interface. (Over all four, unanswered scans from
        // the shared scanners come close, since every answered conversation spreads over two records.)
        Assert.All(Ok.GroupBy(r => (r["account-id"], r["region"])), network =>
        {
            var talkers = network.GroupBy(r => r["srcaddr"]).Select(g => g.Count()).OrderDescending().ToList();
            Assert.True(talkers[0] > talkers[1] * 1.2, $"a clear top talker in {network.Key}");
        });
    }

    private static bool IsVpc(string? address) => address is not null &&
        (address.StartsWith("10.", StringComparison.Ordinal) || address.StartsWith("2600:1f18:", StringComparison.Ordinal)
         || address.StartsWith("2a05:d018:", StringComparison.Ordinal));

    private static bool IsPublicV4(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork) return false;
        var b = ip.GetAddressBytes();
        return b[0] != 10 && !(b[0] == 172 && b[1] is >= 16 and < 32) && !(b[0] == 192 && b[1] == 168);
    }
}
