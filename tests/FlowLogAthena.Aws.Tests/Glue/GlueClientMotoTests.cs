using FlowLogAthena.Aws.Glue;

namespace FlowLogAthena.Aws.Tests.Glue;

/// <summary>Glue over the JSON protocol against moto, cross-checked with boto3.</summary>
[Collection(MotoTests.Name)]
public sealed class GlueClientMotoTests(MotoServer moto)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];

    private static TableInput FlowLogTable(string name, string location) => new()
    {
        Name = name,
        TableType = "EXTERNAL_TABLE",
        Parameters = new Dictionary<string, string> { ["skip.header.line.count"] = "1", ["projection.enabled"] = "true", ["projection.day.type"] = "date" },
        PartitionKeys = [new Column { Name = "aws_account_id", Type = "string" }, new Column { Name = "day", Type = "string" }],
        StorageDescriptor = new StorageDescriptor
        {
            Location = location,
            Columns = [new Column { Name = "version", Type = "int" }, new Column { Name = "srcaddr", Type = "string", Comment = "source" }, new Column { Name = "bytes", Type = "bigint" }],
            InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
            OutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            SerdeInfo = new SerDeInfo
            {
                SerializationLibrary = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                Parameters = new Dictionary<string, string> { ["field.delim"] = " ", ["serialization.format"] = " " },
            },
        },
    };

    [Fact]
    public async Task Databases_are_created_read_and_missing_ones_are_not_found()
    {
        using var aws = moto.CreateClients();
        var name = Unique("db");

        var missing = await Assert.ThrowsAsync<AwsNotFoundException>(() => aws.Glue.GetDatabaseAsync(new GetDatabaseRequest { Name = name }, None));
        Assert.Equal("EntityNotFoundException", missing.ErrorCode);

        await aws.Glue.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseInput = new DatabaseInput { Name = name, Description = "flow logs" } }, None);
        var database = (await aws.Glue.GetDatabaseAsync(new GetDatabaseRequest { Name = name }, None)).Database!;
        Assert.Equal(name, database.Name);
        Assert.Equal("flow logs", database.Description);

        var again = await Assert.ThrowsAsync<AwsAlreadyExistsException>(() =>
            aws.Glue.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseInput = new DatabaseInput { Name = name } }, None));
        Assert.True(again.IsAlreadyExists);

        var boto = await Boto3.RunAsync(moto, $"out(client('glue').get_database(Name='{name}')['Database']['Description'])");
        Assert.Equal("flow logs", boto.GetString());
    }

    [Fact]
    public async Task Tables_round_trip_and_update()
    {
        using var aws = moto.CreateClients();
        var db = Unique("db");
        var name = Unique("tbl");
        await aws.Glue.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseInput = new DatabaseInput { Name = db } }, None);
        await Assert.ThrowsAsync<AwsNotFoundException>(() => aws.Glue.GetTableAsync(new GetTableRequest { DatabaseName = db, Name = name }, None));

        await aws.Glue.CreateTableAsync(new CreateTableRequest { DatabaseName = db, TableInput = FlowLogTable(name, "s3://logs/AWSLogs/") }, None);
        var table = (await aws.Glue.GetTableAsync(new GetTableRequest { DatabaseName = db, Name = name }, None)).Table!;

        Assert.Equal(name, table.Name);
        Assert.Equal("EXTERNAL_TABLE", table.TableType);
        Assert.Equal(["version", "srcaddr", "bytes"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Equal(["int", "string", "bigint"], table.StorageDescriptor.Columns!.Select(c => c.Type));
        Assert.Equal("source", table.StorageDescriptor.Columns![1].Comment);
        Assert.Equal(["aws_account_id", "day"], table.PartitionKeys!.Select(c => c.Name));
        Assert.Equal(" ", table.StorageDescriptor.SerdeInfo!.Parameters!["field.delim"]);
        Assert.Equal("1", table.Parameters!["skip.header.line.count"]);
        Assert.NotNull(table.CreateTime);

        await aws.Glue.UpdateTableAsync(new UpdateTableRequest
        {
            DatabaseName = db,
            TableInput = FlowLogTable(name, "s3://logs/other/") with { Parameters = new Dictionary<string, string> { ["skip.header.line.count"] = "1", ["comment"] = "v2" } },
        }, None);

        var boto = await Boto3.RunAsync(moto, $$"""
            t = client('glue').get_table(DatabaseName='{{db}}', Name='{{name}}')['Table']
            out({"location": t['StorageDescriptor']['Location'], "comment": t['Parameters'].get('comment'), "serde": t['StorageDescriptor']['SerdeInfo']['SerializationLibrary'], "keys": [k['Name'] for k in t['PartitionKeys']]})
            """);
        Assert.Equal("s3://logs/other/", boto.GetProperty("location").GetString());
        Assert.Equal("v2", boto.GetProperty("comment").GetString());
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", boto.GetProperty("serde").GetString());
        Assert.Equal(["aws_account_id", "day"], boto.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task A_table_created_by_boto3_reads_back_here()
    {
        using var aws = moto.CreateClients();
        var db = Unique("db");
        var name = Unique("tbl");
        await Boto3.RunAsync(moto, $$"""
            g = client('glue')
            g.create_database(DatabaseInput={'Name': '{{db}}'})
            g.create_table(DatabaseName='{{db}}', TableInput={'Name': '{{name}}', 'StorageDescriptor': {'Columns': [{'Name': 'action', 'Type': 'string'}], 'Location': 's3://b/p/'}, 'PartitionKeys': [{'Name': 'day', 'Type': 'string'}]})
            """);

        var table = (await aws.Glue.GetTableAsync(new GetTableRequest { DatabaseName = db, Name = name }, None)).Table!;

        Assert.Equal("action", Assert.Single(table.StorageDescriptor!.Columns!).Name);
        Assert.Equal("s3://b/p/", table.StorageDescriptor.Location);
        Assert.Equal("day", Assert.Single(table.PartitionKeys!).Name);
    }

    [Fact]
    public async Task Partitions_are_created_in_batches_reported_per_partition_and_paged()
    {
        using var aws = moto.CreateClients();
        var db = Unique("db");
        var name = Unique("tbl");
        await aws.Glue.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseInput = new DatabaseInput { Name = db } }, None);
        await aws.Glue.CreateTableAsync(new CreateTableRequest { DatabaseName = db, TableInput = FlowLogTable(name, "s3://logs/AWSLogs/") }, None);

        PartitionInput Day(int day) => new()
        {
            Values = ["123456789012", $"2026/11/{day:00}"],
            StorageDescriptor = FlowLogTable(name, "").StorageDescriptor! with { Location = $"s3://logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/{day:00}/" },
        };

        var first = await aws.Glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest { DatabaseName = db, TableName = name, PartitionInputList = [.. Enumerable.Range(1, 5).Select(Day)] }, None);
        Assert.Empty(first.Errors ?? []);

        var second = await aws.Glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest { DatabaseName = db, TableName = name, PartitionInputList = [Day(5), Day(6)] }, None);
        var error = Assert.Single(second.Errors!);
        Assert.Equal(["123456789012", "2026/11/05"], error.PartitionValues);
        Assert.Equal("AlreadyExistsException", error.ErrorDetail!.ErrorCode);

        var seen = new List<Partition>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await aws.Glue.GetPartitionsAsync(new GetPartitionsRequest { DatabaseName = db, TableName = name, MaxResults = 4, NextToken = token }, None);
            seen.AddRange(page.Partitions ?? []);
            token = page.NextToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(Enumerable.Range(1, 6).Select(d => $"2026/11/{d:00}"), seen.Select(p => p.Values![1]).Order());
        Assert.Contains(seen, p => p.StorageDescriptor!.Location == "s3://logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/03/");

        var boto = await Boto3.RunAsync(moto, $"out(len(client('glue').get_partitions(DatabaseName='{db}', TableName='{name}')['Partitions']))");
        Assert.Equal(6, boto.GetInt32());
    }
}
