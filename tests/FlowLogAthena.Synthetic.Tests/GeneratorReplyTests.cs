using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>Both directions of a conversation are logged at the interface, as real flow logs are.</summary>
public sealed class GeneratorReplyTests
{
    /// <summary>Clean data (no planted findings), files of uneven sizes so many files end mid-conversation.</summary>
    private static readonly GeneratorOptions Clean = new()
    {
        Root = "unused",
        Format = AllFields,
        Records = 12_001,
        Seed = 5,
        Window = Hours(0, 5),
        FilesPerPartition = 3,
        Layout = new Core.Sources.SourceLayout(Partitioning: Core.Sources.Partitioning.Hourly),
        PlantFindings = false,
    };

    private static readonly Lazy<List<List<FlowRecord>>> LazyFiles =
        new(() => FlowLogGenerator.Plan(Clean).Files.Select(f => f.EnumerateRecords().ToList()).ToList());

    [Fact]
    public void Every_accepted_record_is_followed_by_its_reply_in_the_same_file()
    {
        var replies = 0;
        foreach (var records in LazyFiles.Value)
        {
            for (var i = 0; i < records.Count; i++)
            {
                var request = records[i];
                if (!request.LoggedData || request["action"] != "ACCEPT") continue;
                Assert.True(i + 1 < records.Count, "a reply was cut off by the end of the file");
                var reply = records[++i];
                AssertReply(request, reply);
                replies++;
            }
        }
        Assert.True(replies > 4_000, $"{replies} replies");
    }

    [Fact]
    public void Rejects_NODATA_and_SKIPDATA_get_no_reply()
    {
        foreach (var records in LazyFiles.Value)
        {
            for (var i = 0; i + 1 < records.Count; i++)
            {
                if (records[i].LoggedData && records[i]["action"] == "ACCEPT")
                {
                    i++; // skip the reply
                    continue;
                }
                // The next record is a new draw: never the reverse of this one.
                Assert.False(records[i + 1].LoggedData && IsReverse(records[i], records[i + 1]), records[i].ToLine());
            }
        }
    }

    [Fact]
    public void Starts_still_rise_through_each_file()
    {
        foreach (var records in LazyFiles.Value)
            for (var i = 1; i < records.Count; i++)
                Assert.True(records[i].StartUnixSeconds >= records[i - 1].StartUnixSeconds);
    }

    private static void AssertReply(FlowRecord request, FlowRecord reply)
    {
        Assert.True(reply.LoggedData, reply.ToLine());
        Assert.True(IsReverse(request, reply), $"{request.ToLine()}\n{reply.ToLine()}");
        Assert.Equal(request["pkt-srcaddr"], reply["pkt-dstaddr"]);
        Assert.Equal(request["pkt-dstaddr"], reply["pkt-srcaddr"]);
        Assert.Equal(request["pkt-src-aws-service"], reply["pkt-dst-aws-service"]);
        Assert.Equal(request["pkt-dst-aws-service"], reply["pkt-src-aws-service"]);
        Assert.NotEqual(request["flow-direction"], reply["flow-direction"]);
        foreach (var field in new[] { "resource-id", "vpc-id", "subnet-id", "instance-id", "next-hop-interface-id", "type", "encryption-status" })
            Assert.Equal(request[field], reply[field]);
        Assert.Equal(request.StartUnixSeconds, reply.StartUnixSeconds);
        Assert.InRange(reply.GetInt64("end")!.Value - reply.StartUnixSeconds, 0, 60);
        Assert.Equal("ACCEPT", reply["action"]);
        var egress = request["flow-direction"] == "egress" ? request : reply;
        var ingress = request["flow-direction"] == "egress" ? reply : request;
        Assert.NotNull(egress["traffic-path"]);
        Assert.Null(ingress["traffic-path"]);
        if (request["protocol"] == "6")
        {
            var flags = (request.GetInt32("tcp-flags"), reply.GetInt32("tcp-flags"));
            Assert.Contains(flags, new (int?, int?)[] { (2, 18), (18, 2), (4, 2), (3, 19), (19, 3), (1, 1), (0, 0) });
        }
        else Assert.Null(reply["tcp-flags"]);
    }

    /// <summary>The same interface (or the same regional NAT gateway), with source and destination swapped.</summary>
    private static bool IsReverse(FlowRecord a, FlowRecord b) =>
        a["interface-id"] == b["interface-id"] && a["resource-id"] == b["resource-id"]
        && a["srcaddr"] == b["dstaddr"] && a["dstaddr"] == b["srcaddr"]
        && a["srcport"] == b["dstport"] && a["dstport"] == b["srcport"] && a["protocol"] == b["protocol"];
}
