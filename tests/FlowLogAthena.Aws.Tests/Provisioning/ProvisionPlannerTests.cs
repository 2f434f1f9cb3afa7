using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Tests.Provisioning;

/// <summary>What <c>provision</c> reads from S3 to plan a table, against moto: only what was not given.</summary>
[Collection(MotoTests.Name)]
public sealed class ProvisionPlannerTests(MotoServer moto)
{
    private const string Header = "version srcaddr dstaddr bytes start end action log-status";
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> SeedAsync(AmazonS3Client s3)
    {
        var bucket = "plan-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket, None);
        foreach (var (account, region, day) in new[] { ("012345678901", "us-east-1", "01"), ("012345678901", "eu-west-1", "03"), ("210987654321", "us-east-1", "02") })
        {
            using var body = new MemoryStream(GzipText.FlowLog(Header, "2 10.0.0.1 10.0.0.2 100 1793491200 1793491260 ACCEPT OK"));
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = $"logs/AWSLogs/{account}/vpcflowlogs/{region}/2026/11/{day}/{account}_vpcflowlogs_{region}_fl-1_202611{day}T0100Z_abcd.log.gz",
                InputStream = body,
            }, None);
        }
        return bucket;
    }

    private static ProvisionRequest Request(string bucket, PartitionMode mode = PartitionMode.Projection) => new()
    {
        Source = new FlowLogSource($"s3://{bucket}/logs", FlowLogFormat.Default, SourceLayout.DefaultLayout),
        Database = "flowlogs",
        Table = "vpc_flow_logs",
        Partitions = mode,
        StartDate = new DateOnly(2026, 11, 1),
        Today = new DateOnly(2026, 11, 4),
    };

    [Fact]
    public async Task Without_a_format_the_header_names_it_and_projection_covers_the_accounts_and_regions_found()
    {
        using var aws = moto.CreateClients();
        var bucket = await SeedAsync(aws.S3);

        var plan = await new ProvisionPlanner(aws.S3).PlanAsync(Request(bucket), None);

        Assert.Equal(FlowLogFormat.Parse("${version} ${srcaddr} ${dstaddr} ${bytes} ${start} ${end} ${action} ${log-status}").FormatString, plan.DetectedFormat?.FormatString);
        Assert.Equal(["srcaddr", "dstaddr"], plan.Definition.Columns.Select(c => c.Name).Where(n => n.EndsWith("addr", StringComparison.Ordinal)));
        var properties = string.Join("\n", plan.Definition.Properties.Select(p => $"{p.Key}={p.Value}"));
        Assert.Contains("012345678901,210987654321", properties);
        Assert.Contains("eu-west-1,us-east-1", properties);
        Assert.Empty(plan.Partitions);
    }

    [Fact]
    public async Task Explicit_partitions_are_the_ones_that_hold_objects_between_the_start_date_and_today()
    {
        using var aws = moto.CreateClients();
        var bucket = await SeedAsync(aws.S3);

        var plan = await new ProvisionPlanner(aws.S3).PlanAsync(Request(bucket, PartitionMode.Explicit) with { FormatGiven = true }, None);

        Assert.Null(plan.DetectedFormat);
        Assert.Equal(3, plan.Partitions.Count);
        Assert.Contains(plan.Partitions, p => p.Values.SequenceEqual(["012345678901", "eu-west-1", "2026/11/03"]));
    }

    [Fact]
    public async Task An_offline_plan_with_everything_given_reads_nothing_from_S3()
    {
        using var aws = moto.CreateClients();
        var missing = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];

        var plan = await new ProvisionPlanner(aws.S3).PlanAsync(Request(missing) with
        {
            FormatGiven = true,
            Offline = true,
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
        }, None);

        Assert.Null(plan.DetectedFormat);
        Assert.Empty(plan.Partitions);
        Assert.Equal("vpc_flow_logs", plan.Definition.Name);
    }
}
