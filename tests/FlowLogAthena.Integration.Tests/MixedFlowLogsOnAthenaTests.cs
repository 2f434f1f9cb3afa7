using Amazon.S3.Model;
using FlowLogAthena.Aws.Tests.Support;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// Two flow logs delivering to one prefix: Athena would read the second one's objects with the table's column order.
/// The run is refused before any query starts, naming the object, its flow log and both formats.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class MixedFlowLogsOnAthenaTests(CliAgainstMoto aws)
{
    private const string Format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    [Fact]
    public async Task An_object_of_another_flow_log_in_the_window_is_refused_before_athena_runs_anything()
    {
        var bucket = "mixed-" + Guid.NewGuid().ToString("N")[..10];
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        Assert.Equal(0, (await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "mixeddb", "--table", "t_mixed", "--start-date", "2026-11-01")).ExitCode);
        const string key = "vpc/AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-0another0000000000_20261102T0105Z_0badf00d.log.gz";
        using (var clients = aws.Moto.CreateClients())
            await clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(GzipText.Of("version account-id srcaddr dstaddr bytes\n2 012345678901 10.0.0.1 10.0.0.2 99\n")) });

        var run = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "mixeddb", "--table", "t_mixed",
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-03");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'s3://{bucket}/{key}' (flow log fl-0another0000000000) has the header \"version account-id srcaddr dstaddr bytes\"", run.Stderr);
        Assert.Contains("but the table \"mixeddb\".\"t_mixed\" reads the format", run.Stderr);
        var started = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            out([i for i in a.list_query_executions()['QueryExecutionIds'] if 't_mixed' in a.get_query_execution(QueryExecutionId=i)['QueryExecution']['Query']])
            """);
        Assert.Empty(started.EnumerateArray());
    }
}
