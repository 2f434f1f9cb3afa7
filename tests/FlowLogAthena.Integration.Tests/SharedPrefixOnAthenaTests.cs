using System.Text.Json;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// A VPC flow log and a Transit Gateway flow log delivering to the same S3 prefixes (against moto): <c>discover</c>
/// lists both with their formats from one object's header each; a table provisioned for one flow log records its id,
/// every query on it keeps only that flow log's objects, and a run asking for another flow log is refused.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class SharedPrefixOnAthenaTests(CliAgainstMoto aws)
{
    private const string VpcFormat = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    private static readonly string TgwFormat = FlowLogFormat.TransitGatewayDefault.FormatString;

    private async Task<(string Source, List<JsonElement> Found)> SeedAndDiscoverAsync(string bucket)
    {
        var source = await aws.SeedLogsAsync(bucket, "shared", VpcFormat);
        Assert.Equal(source, await aws.SeedLogsAsync(bucket, "shared", TgwFormat, "--kind transit-gateway --seed 9"));
        var discover = await InProcessCli.RunAsync("discover", "--source", source, "--output", "json");
        Assert.True(discover.ExitCode == 0, discover.Stderr);
        return (source, discover.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList());
    }

    [Fact]
    public async Task Discover_lists_each_flow_log_of_a_shared_s3_prefix_with_its_format()
    {
        var (_, found) = await SeedAndDiscoverAsync("shared-" + Guid.NewGuid().ToString("N")[..10]);

        // The generator gives each account and region its own flow log: 2 accounts × 2 regions × 2 kinds.
        Assert.Equal(8, found.Count);
        Assert.Equal(4, found.Count(f => f.GetProperty("kind").GetString() == "transit-gateway" && f.GetProperty("format").GetString() == TgwFormat));
        Assert.Equal(4, found.Count(f => f.GetProperty("kind").GetString() == "vpc" && f.GetProperty("format").GetString() == VpcFormat));
        Assert.All(found, f => Assert.Equal(("2026-11-01", "2026-11-04"), (f.GetProperty("first_day").GetString(), f.GetProperty("last_day").GetString())));
        Assert.All(found, f => Assert.StartsWith("s3://", f.GetProperty("sample_file").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Provision_without_a_format_takes_the_chosen_flow_logs_header_and_refuses_to_guess_between_two()
    {
        var (source, found) = await SeedAndDiscoverAsync("shared-" + Guid.NewGuid().ToString("N")[..10]);
        var transit = found.First(f => f.GetProperty("kind").GetString() == "transit-gateway").GetProperty("flow_log_id").GetString()!;

        var guessed = await InProcessCli.RunAsync("provision", "--source", source, "--database", "shareddb", "--table", "t_guess", "--start-date", "2026-11-01");
        var chosen = await InProcessCli.RunAsync("provision", "--source", source, "--flow-log-id", transit, "--database", "shareddb", "--table", "t_chosen",
            "--start-date", "2026-11-01");

        Assert.Equal(2, guessed.ExitCode);
        Assert.Contains("Several flow logs of different formats deliver to", guessed.Stderr, StringComparison.Ordinal);
        Assert.Contains("Choose one with --flow-log-id", guessed.Stderr, StringComparison.Ordinal);
        Assert.True(chosen.ExitCode == 0, chosen.Stderr);
        var columns = await Boto3.RunAsync(aws.Moto, "out([c['Name'] for c in client('glue').get_table(DatabaseName='shareddb', Name='t_chosen')['Table']['StorageDescriptor']['Columns']])");
        Assert.Equal(FlowLogFormat.TransitGatewayDefault.Fields.Select(f => f.ColumnName), columns.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Compacting_a_table_for_one_flow_log_takes_only_its_objects_on_athena_and_locally()
    {
        var bucket = "shared-" + Guid.NewGuid().ToString("N")[..10];
        var (source, found) = await SeedAndDiscoverAsync(bucket);
        var transit = found.First(f => f.GetProperty("kind").GetString() == "transit-gateway").GetProperty("flow_log_id").GetString()!;
        Assert.Equal(0, (await InProcessCli.RunAsync("provision", "--source", source, "--flow-log-id", transit, "--format", TgwFormat,
            "--database", "shareddb", "--table", "t_compact", "--start-date", "2026-11-01")).ExitCode);
        string[] day = ["--from", "2026-11-02", "--to", "2026-11-03"];

        // moto accepts the UNLOAD without writing anything (so the day fails), but the statement it got is the point.
        await InProcessCli.RunAsync(["compact", "--database", "shareddb", "--table", "t_compact", "--twin", $"s3://{bucket}/athena-twin", .. day,
            "--output-location", $"s3://{bucket}/results/"]);
        var local = await InProcessCli.RunAsync(["compact", "--engine", "local", "--database", "shareddb", "--table", "t_compact", "--twin-table", "t_compact_local",
            "--twin", $"s3://{bucket}/twin", .. day]);
        var fromTwin = await InProcessCli.RunAsync(["run", "attachment-traffic", "--source", $"s3://{bucket}/twin", "--file-format", "parquet", "--format", TgwFormat,
            .. day, "--output", "csv"]);
        var fromText = await InProcessCli.RunAsync(["run", "attachment-traffic", "--source", source, "--flow-log-id", transit, .. day, "--output", "csv"]);

        var sent = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Query'] for x in qs if 't_compact' in x['Query'] and x['Query'].startswith('UNLOAD')])
            """);
        Assert.Contains($"strpos(\"$path\", '_{transit}_') > 0", Assert.Single(sent.EnumerateArray()).GetString()!, StringComparison.Ordinal);
        Assert.True(local.ExitCode == 0, local.Stderr);
        Assert.Contains($"--file-format parquet --format '{TgwFormat}'.", local.Stderr, StringComparison.Ordinal);
        Assert.True(fromTwin.ExitCode == 0, fromTwin.Stderr);
        Assert.True(fromText.ExitCode == 0, fromText.Stderr);
        Assert.True(fromText.Stdout.Split('\n').Length > 5, fromText.Stdout);
        Assert.Equal(fromText.Stdout, fromTwin.Stdout);
    }

    [Fact]
    public async Task A_table_for_one_flow_log_reads_only_its_objects_and_refuses_another()
    {
        var bucket = "shared-" + Guid.NewGuid().ToString("N")[..10];
        var (source, found) = await SeedAndDiscoverAsync(bucket);
        var transit = found.First(f => f.GetProperty("kind").GetString() == "transit-gateway").GetProperty("flow_log_id").GetString()!;
        var vpc = found.First(f => f.GetProperty("kind").GetString() == "vpc").GetProperty("flow_log_id").GetString()!;

        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--flow-log-id", transit, "--format", TgwFormat,
            "--database", "shareddb", "--table", "t_tgw", "--start-date", "2026-11-01");
        var run = await InProcessCli.RunAsync("run", "attachment-traffic", "--engine", "athena", "--database", "shareddb", "--table", "t_tgw",
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv");
        var other = await InProcessCli.RunAsync("run", "attachment-traffic", "--engine", "athena", "--database", "shareddb", "--table", "t_tgw", "--flow-log-id", vpc,
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv");

        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        var parameters = await Boto3.RunAsync(aws.Moto, "out(client('glue').get_table(DatabaseName='shareddb', Name='t_tgw')['Table']['Parameters'])");
        Assert.Equal(transit, parameters.GetProperty("flowlog_athena.flow_log_id").GetString());
        // The header check passed: the window's other flow log (another format) is not this table's.
        Assert.True(run.ExitCode == 0, run.Stderr);
        var sent = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Query'] for x in qs if 't_tgw' in x['Query']])
            """);
        var sql = Assert.Single(sent.EnumerateArray()).GetString()!;
        Assert.Contains($"strpos(\"$path\", '_{transit}_') > 0", sql, StringComparison.Ordinal);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains($"--flow-log-id {vpc} asks for another flow log than the one Glue table \"shareddb\".\"t_tgw\" reads ({transit})", other.Stderr, StringComparison.Ordinal);
    }
}
