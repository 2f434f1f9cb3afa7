using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Tests.Provisioning;

/// <summary>Provisioning against moto's Glue, read back with boto3 as an independent client.</summary>
[Collection(MotoTests.Name)]
public sealed class GlueProvisionerMotoTests(MotoServer moto)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static TableDefinition Definition(string database, string format, SourceLayout layout, PartitionMode mode = PartitionMode.Projection) =>
        TableDefinition.For(new FlowLogSource("s3://flow-bucket/logs", FlowLogFormat.Parse(format), layout), new TableOptions
        {
            Database = database,
            Table = "vpc_flow_logs",
            Partitions = mode,
            StartDate = new DateOnly(2026, 11, 1),
            Accounts = ["012345678901"],
            Regions = ["us-east-1", "eu-west-1"],
        });

    private static string Unique() => "db_" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Creates_the_database_and_a_table_that_boto3_reads_back_with_the_right_schema()
    {
        using var aws = moto.CreateClients();
        var database = Unique();
        var wanted = Definition(database, "${version} ${account-id} ${srcaddr} ${dstaddr} ${bytes} ${start} ${end} ${log-status}", new SourceLayout(PrefixStyle.Default, Partitioning.Hourly));

        var result = await new GlueProvisioner(aws.Glue).ProvisionAsync(wanted, update: false, [], None);

        Assert.True(result.DatabaseCreated && result.TableCreated);
        var table = await Boto3.RunAsync(moto, $"out(client('glue').get_table(DatabaseName='{database}', Name='vpc_flow_logs')['Table'])");
        var sd = table.GetProperty("StorageDescriptor");
        Assert.Equal(["version", "account_id", "srcaddr", "dstaddr", "bytes", "start", "end", "log_status"], sd.GetProperty("Columns").EnumerateArray().Select(c => c.GetProperty("Name").GetString()));
        Assert.Equal("bigint", sd.GetProperty("Columns")[4].GetProperty("Type").GetString());
        Assert.Equal(["aws_account_id", "aws_region", "day", "hour"], table.GetProperty("PartitionKeys").EnumerateArray().Select(c => c.GetProperty("Name").GetString()));
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", sd.GetProperty("SerdeInfo").GetProperty("SerializationLibrary").GetString());
        Assert.Equal(" ", sd.GetProperty("SerdeInfo").GetProperty("Parameters").GetProperty("field.delim").GetString());
        var parameters = table.GetProperty("Parameters");
        Assert.Equal("1", parameters.GetProperty("skip.header.line.count").GetString());
        Assert.Equal("true", parameters.GetProperty("projection.enabled").GetString());
        Assert.Equal("s3://flow-bucket/logs/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/${hour}/", parameters.GetProperty("storage.location.template").GetString());
    }

    [Fact]
    public async Task A_second_run_with_the_same_definition_changes_nothing()
    {
        using var aws = moto.CreateClients();
        var wanted = Definition(Unique(), FlowLogFormat.DefaultFormatString, SourceLayout.DefaultLayout);
        var provisioner = new GlueProvisioner(aws.Glue);
        await provisioner.ProvisionAsync(wanted, update: false, [], None);

        var second = await provisioner.ProvisionAsync(wanted, update: false, [], None);

        Assert.True(second.ChangedNothing);
        Assert.Empty(second.Changes);
    }

    [Fact]
    public async Task A_different_definition_is_reported_and_applied_only_with_update()
    {
        using var aws = moto.CreateClients();
        var database = Unique();
        var provisioner = new GlueProvisioner(aws.Glue);
        await provisioner.ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString, SourceLayout.DefaultLayout), update: false, [], None);
        var changed = Definition(database, FlowLogFormat.DefaultFormatString + " ${vpc-id} ${flow-direction}", SourceLayout.DefaultLayout);

        var drift = await Assert.ThrowsAsync<TableDriftException>(() => provisioner.ProvisionAsync(changed, update: false, [], None));
        Assert.Contains(drift.Changes, c => c.Subject.Contains("vpc_id", StringComparison.Ordinal));
        var before = await Boto3.RunAsync(moto, $"out(len(client('glue').get_table(DatabaseName='{database}', Name='vpc_flow_logs')['Table']['StorageDescriptor']['Columns']))");
        Assert.Equal(14, before.GetInt32());

        var updated = await provisioner.ProvisionAsync(changed, update: true, [], None);

        Assert.True(updated.TableUpdated);
        var after = await Boto3.RunAsync(moto, $"out(len(client('glue').get_table(DatabaseName='{database}', Name='vpc_flow_logs')['Table']['StorageDescriptor']['Columns']))");
        Assert.Equal(16, after.GetInt32());
        Assert.True((await provisioner.ProvisionAsync(changed, update: false, [], None)).ChangedNothing);
    }

    [Fact]
    public async Task Explicit_partitions_are_registered_in_batches_and_a_rerun_finds_them_present()
    {
        using var aws = moto.CreateClients();
        var database = Unique();
        var source = new FlowLogSource("s3://flow-bucket/logs", FlowLogFormat.Default, SourceLayout.DefaultLayout);
        var wanted = Definition(database, FlowLogFormat.DefaultFormatString, SourceLayout.DefaultLayout, PartitionMode.Explicit);
        var scheme = PartitionScheme.For(source);
        var partitions = Enumerable.Range(0, 150)
            .Select(d => scheme.Partition("012345678901", d % 2 == 0 ? "us-east-1" : "eu-west-1", new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(d)))
            .ToArray();
        var provisioner = new GlueProvisioner(aws.Glue);

        var first = await provisioner.ProvisionAsync(wanted, update: false, partitions, None);
        var second = await provisioner.ProvisionAsync(wanted, update: false, partitions, None);

        Assert.Equal((150, 0), (first.PartitionsCreated, first.PartitionsAlreadyPresent));
        Assert.Equal((0, 150), (second.PartitionsCreated, second.PartitionsAlreadyPresent));
        var listed = await Boto3.RunAsync(moto, $$"""
            pages = client('glue').get_paginator('get_partitions').paginate(DatabaseName='{{database}}', TableName='vpc_flow_logs')
            parts = [p for page in pages for p in page['Partitions']]
            out({'count': len(parts), 'sample': sorted(p['StorageDescriptor']['Location'] for p in parts)[0]})
            """);
        Assert.Equal(150, listed.GetProperty("count").GetInt32());
        Assert.Equal("s3://flow-bucket/logs/AWSLogs/012345678901/vpcflowlogs/eu-west-1/2026/06/02/", listed.GetProperty("sample").GetString());
    }
}
