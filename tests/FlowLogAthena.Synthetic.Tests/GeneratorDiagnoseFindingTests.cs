using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>The diagnose pack's planted findings are in the records, about the interfaces PlantedFindings names.</summary>
public sealed class GeneratorDiagnoseFindingTests
{
    private static readonly GeneratorOptions Options = new() { Root = "unused", Format = AllFields, Records = 60_000, Seed = 8, FilesPerPartition = 2 };

    private static readonly Lazy<(List<FlowRecord> Records, IReadOnlyList<PlantedFinding> Findings)> Data = new(() =>
    {
        var plan = FlowLogGenerator.Plan(Options);
        return (plan.Files.SelectMany(f => f.EnumerateRecords()).ToList(), PlantedFindings.Of(plan));
    });

    private static IEnumerable<PlantedFinding> Planted(string query) => Data.Value.Findings.Where(f => f.Query == query);

    [Fact]
    public void Every_account_and_region_gets_each_diagnose_finding_on_its_own_interface()
    {
        Assert.Equal(16, Data.Value.Findings.Count);
        Assert.All(Data.Value.Findings.GroupBy(f => (f.Account, f.Region)), network =>
        {
            Assert.Equal(["log-status-health", "nacl-asymmetry", "one-way-flows", "silent-interfaces"], network.Select(f => f.Query).Order());
            Assert.Equal(4, network.Select(f => f.InterfaceId).Distinct().Count());
        });
        Assert.Empty(PlantedFindings.Of(FlowLogGenerator.Plan(new GeneratorOptions { Root = "unused", PlantFindings = false })));
    }

    [Fact]
    public void The_planted_NACL_server_accepts_high_port_clients_and_its_replies_to_them_are_rejected()
    {
        foreach (var finding in Planted("nacl-asymmetry"))
        {
            var records = Data.Value.Records.Where(r => r["interface-id"] == finding.InterfaceId && r.LoggedData).ToList();
            var rejectedReplies = records.Where(r => r["action"] == "REJECT" && r["flow-direction"] == "egress" && r.GetInt32("dstport") >= 49152).ToList();
            Assert.NotEmpty(rejectedReplies);
            Assert.All(rejectedReplies, reply =>
            {
                Assert.Equal("18", reply["tcp-flags"]);
                Assert.Contains(records, r => r["action"] == "ACCEPT" && r["flow-direction"] == "ingress" && r["srcaddr"] == reply["dstaddr"]
                    && r["srcport"] == reply["dstport"] && r["dstport"] == reply["srcport"] && r["tcp-flags"] == "2");
            });
        }
    }

    [Fact]
    public void The_planted_one_way_sender_gets_no_reply_from_the_dead_peers()
    {
        foreach (var finding in Planted("one-way-flows"))
        {
            var records = Data.Value.Records.Where(r => r["interface-id"] == finding.InterfaceId && r.LoggedData).ToList();
            var toDead = records.Where(r => r["dstaddr"] is "192.168.200.10" or "192.168.200.20").ToList();
            Assert.NotEmpty(toDead);
            Assert.All(toDead, r => Assert.Equal(("ACCEPT", "egress", "3"), (r["action"], r["flow-direction"], r["traffic-path"])));
            Assert.DoesNotContain(records, r => r["srcaddr"] is "192.168.200.10" or "192.168.200.20");
        }
    }

    [Fact]
    public void The_planted_NAT_gateways_write_far_more_SKIPDATA_than_any_other_interface()
    {
        var planted = Planted("log-status-health").Select(f => f.InterfaceId).ToHashSet();
        var skipped = Data.Value.Records.Where(r => r["log-status"] == "SKIPDATA").CountBy(r => r["interface-id"]!).ToList();

        var fewest = skipped.Where(x => planted.Contains(x.Key)).Min(x => x.Value);
        var others = skipped.Where(x => !planted.Contains(x.Key)).Max(x => x.Value);
        Assert.Equal(4, skipped.Count(x => planted.Contains(x.Key)));
        Assert.True(fewest > 2 * others, $"{fewest} against {others}");
    }

    [Fact]
    public void The_planted_silent_interface_logs_until_its_cut_off_and_never_after()
    {
        foreach (var finding in Planted("silent-interfaces"))
        {
            var cutOff = new DateTimeOffset(finding.SinceUtc!.Value).ToUnixTimeSeconds();
            Assert.Equal(Options.Window.FromUnixSeconds + ((Options.Window.ToUnixSecondsExclusive - Options.Window.FromUnixSeconds) * 2 / 3), cutOff);
            var own = Data.Value.Records.Where(r => r["interface-id"] == finding.InterfaceId || r["next-hop-interface-id"] == finding.InterfaceId).ToList();
            Assert.True(own.Count(r => r["interface-id"] == finding.InterfaceId) > 100, $"{own.Count} records");
            Assert.All(own, r => Assert.True(r.StartUnixSeconds < cutOff, r.ToLine()));
        }
    }
}
