using FlowLogAthena.Aws.Tests.Support;

namespace FlowLogAthena.Integration.Tests;

/// <summary>provision and run --engine athena from the command line against moto, checked with boto3.</summary>
[Collection(CliMotoTests.Name)]
public sealed class AthenaCommandTests(CliAgainstMoto aws) : IDisposable
{
    private const string Format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${flow-direction} ${traffic-path}";
    private readonly TempFolder _out = new();

    public void Dispose() => _out.Dispose();

    private static string Bucket() => "flow-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Provision_creates_a_table_that_resolves_to_the_real_prefixes_and_a_rerun_changes_nothing()
    {
        var source = await aws.SeedLogsAsync(Bucket(), "vpc", Format);
        string[] provision = ["provision", "--engine", "athena", "--source", source, "--format", Format, "--layout", "default", "--database", "flowdb", "--table", "t_provision", "--start-date", "2026-11-01"];

        var first = await InProcessCli.RunAsync(provision);
        var second = await InProcessCli.RunAsync(provision);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Created table flowdb.t_provision", first.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No change", second.Stderr);
        var withoutFormat = await InProcessCli.RunAsync([.. provision.Where((_, i) => i != 5 && i != 6)]); // drop --format FMT: the objects' header gives it
        Assert.True(withoutFormat.ExitCode == 0, withoutFormat.Stderr);
        Assert.Contains("Format from the objects' header: " + Format, withoutFormat.Stderr);
        Assert.Contains("No change", withoutFormat.Stderr);
        // Every account/region/day the template can produce for the seeded days names a prefix that holds objects.
        var check = await Boto3.RunAsync(aws.Moto, """
            t = client('glue').get_table(DatabaseName='flowdb', Name='t_provision')['Table']
            p = t['Parameters']
            tpl = p['storage.location.template']
            bucket = tpl.split('/')[2]
            s3 = client('s3')
            missing = []
            for a in p['projection.aws_account_id.values'].split(','):
                for r in p['projection.aws_region.values'].split(','):
                    for d in ['2026/11/01', '2026/11/02', '2026/11/03', '2026/11/04']:
                        prefix = tpl.replace('${aws_account_id}', a).replace('${aws_region}', r).replace('${day}', d).split('/', 3)[3]
                        if s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get('KeyCount', 0) == 0:
                            missing.append(prefix)
            out({'missing': missing, 'columns': len(t['StorageDescriptor']['Columns']), 'skip': p.get('skip.header.line.count')})
            """);
        Assert.Empty(check.GetProperty("missing").EnumerateArray());
        Assert.Equal(16, check.GetProperty("columns").GetInt32());
        Assert.Equal("1", check.GetProperty("skip").GetString());
    }

    [Fact]
    public async Task Run_on_athena_prunes_partitions_and_writes_the_rows_the_service_returns()
    {
        var bucket = Bucket();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "flowdb", "--table", "t_run", "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        await MotoAthena.QueueResultAsync(aws.Moto, [("srcaddr", "varchar"), ("dstaddr", "varchar"), ("bytes", "bigint"), ("packets", "bigint"), ("flows", "bigint")],
            [["10.0.0.1", "2600:1f18::7", "9000", "90", "3"], ["10.0.0.2", "10.0.0.3", "800", "8", "1"]]);
        var file = _out.Combine("top.csv");

        var run = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "flowdb", "--table", "t_run", "--workgroup", "primary",
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-04", "--output", "csv", "--out", file, "--verbose");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("StartQueryExecution attempt 1: HTTP 200", run.Stderr); // the most verbose level is on…
        Assert.Contains("athena SQL for top-talkers:", run.Stderr);
        Assert.Equal(["srcaddr,dstaddr,bytes,packets,flows", "10.0.0.1,2600:1f18::7,9000,90,3", "10.0.0.2,10.0.0.3,800,8,1"], File.ReadAllLines(file));
        var sent = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            ids = a.list_query_executions()['QueryExecutionIds']
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in ids]
            q = [x for x in qs if 't_run' in x['Query']][-1]
            out({'sql': q['Query'], 'db': q['QueryExecutionContext'].get('Database'), 'params': q.get('ExecutionParameters')})
            """);
        var sql = sent.GetProperty("sql").GetString()!;
        Assert.Contains("\"day\" BETWEEN '2026/11/02' AND '2026/11/03'", sql);
        Assert.Contains("\"start\" >= 1793577600 AND \"start\" < 1793750400", sql);
        Assert.Equal("flowdb", sent.GetProperty("db").GetString());
        // top-talkers' only parameter is its LIMIT, where Athena takes no execution parameter: nothing is bound.
        Assert.EndsWith("LIMIT 10", sql);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sent.GetProperty("params").ValueKind);
        Assert.DoesNotContain(CliAgainstMoto.SecretKey, run.Stdout + run.Stderr); // …and no secret is in it
        Assert.DoesNotContain("Signature=", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task A_query_that_outlives_the_timeout_is_stopped_and_the_command_fails()
    {
        var bucket = Bucket();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        Assert.Equal(0, (await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "flowdb", "--table", "t_timeout", "--start-date", "2026-11-01")).ExitCode);
        await MotoAthena.HoldExecutionsAsync(aws.Moto);
        try
        {
            var run = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "flowdb", "--table", "t_timeout",
                "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-04", "--timeout", "2s", "--output", "csv", "--out", _out.Combine("never.csv"));

            Assert.NotEqual(0, run.ExitCode);
            Assert.False(File.Exists(_out.Combine("never.csv")));
            var states = await Boto3.RunAsync(aws.Moto, """
                a = client('athena')
                qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
                out([x['Status']['State'] for x in qs if 't_timeout' in x['Query']])
                """);
            Assert.All(states.EnumerateArray(), s => Assert.Equal("CANCELLED", s.GetString()));
            Assert.NotEmpty(states.EnumerateArray());
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(aws.Moto);
        }
    }

    [Fact]
    public async Task Print_ddl_prints_the_table_without_calling_glue_when_accounts_and_regions_are_given()
    {
        var run = await InProcessCli.RunAsync("provision", "--source", "s3://not-created-bucket/logs", "--database", "flowdb", "--table", "t_ddl",
            "--start-date", "2026-11-01", "--accounts", "012345678901", "--regions", "us-east-1", "--print-ddl");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("CREATE EXTERNAL TABLE IF NOT EXISTS `flowdb`.`t_ddl`", run.Stdout);
        Assert.Contains("'storage.location.template' = 's3://not-created-bucket/logs/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/'", run.Stdout);
    }

    [Fact]
    public async Task An_athena_csv_result_exported_to_S3_is_a_server_side_copy_of_the_result_object()
    {
        var bucket = Bucket();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        Assert.Equal(0, (await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "flowdb", "--table", "t_copy", "--start-date", "2026-11-01")).ExitCode);
        await MotoAthena.QueueResultAsync(aws.Moto, [("srcaddr", "varchar"), ("dstaddr", "varchar"), ("dstport", "integer"), ("attempts", "bigint")],
            [["198.51.100.7", "10.0.0.1", "22", "41"]]);

        var run = await InProcessCli.RunAsync("run", "rejected-traffic", "--engine", "athena", "--database", "flowdb", "--table", "t_copy",
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-04", "--output", "csv", "--out", $"s3://{bucket}/reports/rejected.csv");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var objects = await Boto3.RunAsync(aws.Moto, $$"""
            s3 = client('s3')
            manifest = json.loads(s3.get_object(Bucket='{{bucket}}', Key='reports/rejected.csv.manifest.json')['Body'].read())
            src = manifest['copiedFrom'].split('/', 3)
            same = s3.get_object(Bucket=src[2], Key=src[3])['Body'].read() == s3.get_object(Bucket='{{bucket}}', Key='reports/rejected.csv')['Body'].read()
            out({'same': same, 'rows': manifest['rows'], 'sse': s3.head_object(Bucket='{{bucket}}', Key='reports/rejected.csv').get('ServerSideEncryption'), 'from': manifest['copiedFrom']})
            """);
        Assert.True(objects.GetProperty("same").GetBoolean());
        Assert.Equal(1, objects.GetProperty("rows").GetInt32());
        Assert.Equal("AES256", objects.GetProperty("sse").GetString());
        Assert.StartsWith($"s3://{bucket}/results/", objects.GetProperty("from").GetString());
    }
}
