using System.Net;

namespace FlowLogAthena.Aws.Tests.Athena;

/// <summary>Athena over the JSON protocol against moto, cross-checked with boto3.</summary>
[Collection(MotoTests.Name)]
public sealed class AthenaClientMotoTests(MotoServer moto)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<string> CreateWorkGroupAsync()
    {
        var name = "wg-" + Guid.NewGuid().ToString("N")[..8];
        await Boto3.RunAsync(moto, $"client('athena').create_work_group(Name='{name}', Configuration={{'ResultConfiguration': {{'OutputLocation': 's3://results-bucket/wg/'}}}})");
        return name;
    }

    [Fact]
    public async Task Reads_a_workgroup()
    {
        using var aws = moto.CreateClients();
        var name = await CreateWorkGroupAsync();

        var workGroup = (await aws.Athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = name }, None)).WorkGroup!;

        Assert.Equal(name, workGroup.Name);
        Assert.Equal("ENABLED", workGroup.State);
        Assert.Equal("s3://results-bucket/wg/", workGroup.Configuration!.ResultConfiguration!.OutputLocation);
    }

    [Fact]
    public async Task Starts_gets_and_reads_results_of_a_query()
    {
        using var aws = moto.CreateClients();
        var workGroup = await CreateWorkGroupAsync();
        await MotoAthena.QueueResultAsync(moto, [("srcaddr", "varchar"), ("bytes", "bigint")], [["10.0.0.1", "1200"], ["10.0.0.2", null]]);

        var started = await aws.Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = "SELECT srcaddr, bytes FROM \"db\".\"t\"",
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            WorkGroup = workGroup,
            QueryExecutionContext = new QueryExecutionContext { Database = "db", Catalog = "AwsDataCatalog" },
            ResultConfiguration = new ResultConfiguration
            {
                OutputLocation = "s3://results-bucket/out/",
                EncryptionConfiguration = new EncryptionConfiguration { EncryptionOption = EncryptionOptions.SseS3 },
                ExpectedBucketOwner = "123456789012",
            },
        }, None);
        var id = started.QueryExecutionId!;

        var execution = (await aws.Athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, None)).QueryExecution!;
        Assert.Equal(QueryStates.Succeeded, execution.Status!.State);
        Assert.Equal($"s3://results-bucket/out/{id}.csv", execution.ResultConfiguration!.OutputLocation);
        Assert.Equal("db", execution.QueryExecutionContext!.Database);
        Assert.Equal(workGroup, execution.WorkGroup);
        Assert.Equal(0, execution.Statistics!.DataScannedInBytes);
        Assert.NotNull(execution.Status.SubmissionDateTime);

        var results = await aws.Athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = id, MaxResults = 1000 }, None);
        Assert.Equal(["srcaddr", "bytes"], results.ResultSet!.ResultSetMetadata!.ColumnInfo!.Select(c => c.Name));
        Assert.Equal(["varchar", "bigint"], results.ResultSet.ResultSetMetadata.ColumnInfo!.Select(c => c.Type));
        var rows = results.ResultSet.Rows!.Select(r => r.Data!.Select(d => d.VarCharValue).ToArray()).ToList();
        Assert.Equal([["srcaddr", "bytes"], ["10.0.0.1", "1200"], ["10.0.0.2", null]], rows);

        var boto = await Boto3.RunAsync(moto, $"out(client('athena').get_query_execution(QueryExecutionId='{id}')['QueryExecution']['Query'])");
        Assert.Equal("SELECT srcaddr, bytes FROM \"db\".\"t\"", boto.GetString());
    }

    [Fact]
    public async Task Stopping_a_query_cancels_it_on_the_server()
    {
        using var aws = moto.CreateClients();
        await MotoAthena.HoldExecutionsAsync(moto);
        try
        {
            var id = (await aws.Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = "SELECT 1" }, None)).QueryExecutionId!;
            Assert.Equal(QueryStates.Queued, (await aws.Athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, None)).QueryExecution!.Status!.State);

            await aws.Athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = id }, None);

            var boto = await Boto3.RunAsync(moto, $"out(client('athena').get_query_execution(QueryExecutionId='{id}')['QueryExecution']['Status']['State'])");
            Assert.Equal(QueryStates.Cancelled, boto.GetString());
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(moto);
        }
    }

    [Fact]
    public async Task Throttling_from_the_service_is_retried_then_succeeds()
    {
        using var faults = new FaultInjectingHandler("AmazonAthena.StartQueryExecution", 2,
            () => FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));
        var trace = new List<AwsCallRecord>();
        using var aws = moto.CreateClients(faults, r => { lock (trace) trace.Add(r); });

        var started = await aws.Athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = "SELECT 1", ClientRequestToken = Guid.NewGuid().ToString("N") }, None);

        Assert.False(string.IsNullOrEmpty(started.QueryExecutionId));
        Assert.Equal(2, faults.Injected);
        Assert.Equal(1, faults.Passed);
        Assert.Equal(["ThrottlingException", "ThrottlingException", null], trace.Select(t => t.ErrorCode));
    }
}
