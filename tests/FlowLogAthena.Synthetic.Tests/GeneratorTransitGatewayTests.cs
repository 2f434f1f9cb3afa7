using Parquet;
using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>
/// Transit Gateway flow logs: the files hold AWS's 36 fields (or a chosen subset) in AWS's layout, and the records
/// describe a hub-and-spoke gateway consistently — each flow at the attachment it entered by and the one it left
/// by, sides that are not VPCs without VPC fields, losses only where packets were dropped.
/// </summary>
public sealed class GeneratorTransitGatewayTests
{
    private static GeneratorOptions Options(string root, FlowLogFormat? format = null, LogFileFormat fileFormat = LogFileFormat.Text) => new()
    {
        Root = root,
        Format = format ?? FlowLogFormat.TransitGatewayDefault,
        Layout = new SourceLayout(PrefixStyle.Default, Partitioning.Daily, fileFormat),
        Records = 20_000,
        Accounts = ["012345678901", "210987654321"],
        Regions = ["us-east-1"],
        Seed = 3,
    };

    [Fact]
    public async Task A_text_file_starts_with_the_36_field_header_and_its_lines_have_36_values()
    {
        using var temp = new TempFolder();
        var summary = await FlowLogGenerator.GenerateAsync(Options(temp.Path));

        var lines = ReadGzipLines(summary.Files[0].Path);
        Assert.Equal(string.Join(' ', FieldCatalog.TransitGateway.Select(f => f.Name)), lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Equal(36, line.Split(' ').Length));
        Assert.All(lines.Skip(1), line => Assert.StartsWith("6 TransitGateway ", line, StringComparison.Ordinal));
        Assert.Contains("_vpcflowlogs_us-east-1_fl-", summary.Files[0].RelativePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_flow_is_logged_where_it_enters_and_where_it_leaves_with_the_same_sides()
    {
        using var temp = new TempFolder();
        var records = AllRecords(Options(temp.Path));
        var ingress = records.Where(r => r["flow-direction"] == "ingress").ToList();
        var egress = records.Where(r => r["flow-direction"] == "egress").ToList();
        Assert.Equal(records.Count, ingress.Count + egress.Count);

        static string Sides(FlowRecord r) => string.Join(' ', new[]
        {
            "tgw-src-vpc-account-id", "tgw-dst-vpc-account-id", "tgw-src-vpc-id", "tgw-dst-vpc-id", "tgw-src-subnet-id", "tgw-dst-subnet-id",
            "tgw-src-eni", "tgw-dst-eni", "tgw-src-az-id", "tgw-dst-az-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "start",
        }.Select(f => r[f] ?? "-"));
        var entered = ingress.Where(r => r["tgw-pair-attachment-id"] is not null)
            .ToLookup(r => (Sides(r), Entry: r["tgw-attachment-id"], Exit: r["tgw-pair-attachment-id"]));
        Assert.All(egress, e => Assert.True(entered.Contains((Sides(e), e["tgw-pair-attachment-id"], e["tgw-attachment-id"])),
            $"egress record without the ingress record of its flow: {e}"));

        // What leaves is what entered less what was dropped.
        foreach (var e in egress.Take(2000))
        {
            var i = entered[(Sides(e), e["tgw-pair-attachment-id"], e["tgw-attachment-id"])].First();
            var lost = new[] { "packets-lost-no-route", "packets-lost-blackhole", "packets-lost-mtu-exceeded", "packets-lost-ttl-expired" }
                .Sum(f => i.GetInt64(f)!.Value);
            Assert.Equal(i.GetInt64("packets") - lost, e.GetInt64("packets"));
        }
        Assert.All(egress, e => Assert.Equal("0 0 0 0", string.Join(' ', e["packets-lost-no-route"], e["packets-lost-blackhole"],
            e["packets-lost-mtu-exceeded"], e["packets-lost-ttl-expired"])));
    }

    [Fact]
    public void Sides_that_are_not_vpcs_have_no_vpc_fields_and_spoke_vpcs_belong_to_other_accounts()
    {
        using var temp = new TempFolder();
        var records = AllRecords(Options(temp.Path));

        foreach (var side in new[] { "src", "dst" })
        {
            var withoutVpc = records.Where(r => r[$"tgw-{side}-vpc-id"] is null).ToList();
            Assert.NotEmpty(withoutVpc);
            Assert.All(withoutVpc, r => Assert.Null(r[$"tgw-{side}-vpc-account-id"] ?? r[$"tgw-{side}-subnet-id"] ?? r[$"tgw-{side}-eni"] ?? r[$"tgw-{side}-az-id"]));
            Assert.All(records.Where(r => r[$"tgw-{side}-vpc-id"] is not null), r => Assert.True(
                r[$"tgw-{side}-vpc-account-id"] is not null && r[$"tgw-{side}-subnet-id"] is not null && r[$"tgw-{side}-az-id"] is not null, r.ToLine()));
        }

        // Each log's gateway has its own owner; the VPCs belong to the owner and three other accounts per gateway.
        foreach (var log in records.GroupBy(r => r["account-id"]))
        {
            Assert.Single(log.Select(r => r["tgw-id"]).Distinct());
            var owners = log.Select(r => r["tgw-src-vpc-account-id"]).OfType<string>().Distinct().ToList();
            Assert.Equal(4, owners.Count);
            Assert.Contains(log.Key, owners);
            Assert.Equal(12, log.Select(r => r["tgw-attachment-id"]).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_subset_format_is_written_as_parquet_with_the_catalogs_types()
    {
        using var temp = new TempFolder();
        var format = FlowLogFormat.Parse("${tgw-attachment-id} ${srcaddr} ${packets} ${bytes} ${start} ${packets-lost-blackhole} ${flow-direction}");
        var options = Options(temp.Path, format, LogFileFormat.Parquet);

        var summary = await FlowLogGenerator.GenerateAsync(options);

        Assert.All(summary.Files, f => Assert.EndsWith(".log.parquet", f.RelativePath, StringComparison.Ordinal));
        await using (var reader = await ParquetReader.CreateAsync(summary.Files[0].Path))
        {
            Assert.Equal(
                ["tgw_attachment_id:BYTE_ARRAY", "srcaddr:BYTE_ARRAY", "packets:INT64", "bytes:INT64", "start:INT64", "packets_lost_blackhole:INT64",
                    "flow_direction:BYTE_ARRAY"],
                reader.Metadata!.Schema.Skip(1).Select(e => $"{e.Name}:{e.Type}"));
        }
        var records = AllRecords(options);
        Assert.Contains(records, r => r.GetInt64("packets-lost-blackhole") > 0);
        Assert.All(records, r => Assert.StartsWith("tgw-attach-", r["tgw-attachment-id"], StringComparison.Ordinal));
    }
}
