using System.Net;
using Amazon.S3.Model;
using FlowLogAthena.Aws.Athena.Results;

namespace FlowLogAthena.Aws.Tests.Athena;

/// <summary>The Athena engine end to end against moto: results from the S3 object and the fallback, timeouts, stops, throttling.</summary>
[Collection(MotoTests.Name)]
public sealed class AthenaEngineMotoTests(MotoServer moto)
{
    private static readonly (string, string)[] TalkerColumns = [("srcaddr", "varchar"), ("dstaddr", "varchar"), ("bytes", "bigint")];

    private static AthenaEngineOptions Options(string bucket) => MotoAthena.EngineOptions(bucket);

    private static async Task<string> BucketAsync(AwsClients aws)
    {
        var bucket = "results-" + Guid.NewGuid().ToString("N")[..10];
        await aws.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }

    private static async Task<List<object?[]>> ReadAllAsync(Core.Engines.QueryResult result)
    {
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None))
            rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task Streams_the_result_object_moto_wrote_with_types_from_the_metadata()
    {
        var trace = new List<AwsCallRecord>();
        using var aws = moto.CreateClients(trace: r => { lock (trace) trace.Add(r); });
        var bucket = await BucketAsync(aws);
        await MotoAthena.QueueResultAsync(moto, TalkerColumns, [["10.0.0.1", "10.0.0.2", "5000"], ["10.0.0.3", "8.8.8.8", "42"]]);
        var progress = new List<AthenaQueryProgress>();
        await using var engine = new AthenaEngine(Options(bucket), aws.Athena, aws.S3, new ImmediateProgress<AthenaQueryProgress>(progress.Add));

        await using var result = (AthenaQueryResult)await engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None);
        var rows = await ReadAllAsync(result);

        Assert.Equal(AthenaResultSource.ResultObject, result.Source);
        Assert.Equal(["srcaddr", "dstaddr", "bytes"], result.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(string), typeof(long)], result.Columns.Select(c => c.ClrType));
        Assert.Equal([["10.0.0.1", "10.0.0.2", 5000L], ["10.0.0.3", "8.8.8.8", 42L]], rows);
        Assert.Equal(2, result.Stats.RowsReturned);
        Assert.Equal(QueryStates.Succeeded, result.Stats.State);
        Assert.Equal(AthenaCost.EstimateUsd(0), result.Stats.CostUsd);
        Assert.Equal(result.Stats.ExecutionId, Assert.Single(progress).ExecutionId);
        // Rows came from the one GET: the only GetQueryResults call was the one-row metadata read.
        Assert.Single(trace, t => t.Operation == "GetQueryResults");
        Assert.Equal("SELECT srcaddr, dstaddr, bytes FROM \"flowlogs\".\"vpc\" WHERE \"day\" = '2026/11/02'",
            (await Boto3.RunAsync(moto, $"out(client('athena').get_query_execution(QueryExecutionId='{result.Stats.ExecutionId}')['QueryExecution']['Query'])")).GetString());
    }

    [Fact]
    public async Task Parses_an_rfc4180_result_object_with_quotes_line_breaks_and_nulls()
    {
        using var aws = moto.CreateClients();
        var bucket = await BucketAsync(aws);
        await MotoAthena.QueueResultAsync(moto, [("label", "varchar"), ("note", "varchar"), ("flows", "integer"), ("share", "double")], []);
        const string csv = "\"label\",\"note\",\"flows\",\"share\"\r\n"
            + "\"say \"\"hi\"\"\",\"line one\nline two\",\"3\",\"0.25\"\r\n"
            + "\"a,b\",\"\",,\r\n"
            + "\"\",,\"-7\",\"1.0E-4\"\r\n";
        var athena = new ResultWritingAthena(aws.Athena, aws.S3, csv);
        await using var engine = new AthenaEngine(Options(bucket), athena, aws.S3);

        await using var result = (AthenaQueryResult)await engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None);
        var rows = await ReadAllAsync(result);

        Assert.Equal(AthenaResultSource.ResultObject, result.Source);
        Assert.Equal([typeof(string), typeof(string), typeof(int), typeof(double)], result.Columns.Select(c => c.ClrType));
        Assert.Equal(
            [
                ["say \"hi\"", "line one\nline two", 3, 0.25],
                ["a,b", "", null, null],
                ["", null, -7, 0.0001],
            ],
            rows);
    }

    [Fact]
    public async Task Falls_back_to_result_pages_when_the_object_cannot_be_read()
    {
        using var aws = moto.CreateClients();
        await MotoAthena.QueueResultAsync(moto, TalkerColumns, [["10.0.0.1", "10.0.0.2", "5000"], ["10.0.0.9", null, "1"]]);
        var athena = new ResultWritingAthena(aws.Athena, aws.S3, csv: null);
        // No such bucket: moto cannot store the object and the GET fails.
        await using var engine = new AthenaEngine(Options("missing-" + Guid.NewGuid().ToString("N")[..8]), athena, aws.S3);

        await using var result = (AthenaQueryResult)await engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None);
        var rows = await ReadAllAsync(result);

        Assert.Equal(AthenaResultSource.ResultPages, result.Source);
        Assert.Contains("NoSuchBucket", result.FallbackReason);
        Assert.Equal(["srcaddr", "dstaddr", "bytes"], result.Columns.Select(c => c.Name));
        Assert.Equal([["10.0.0.1", "10.0.0.2", 5000L], ["10.0.0.9", null, 1L]], rows);
        Assert.Equal(1000, Assert.Single(athena.ResultCalls).MaxResults);
    }

    [Fact]
    public async Task Sends_workgroup_context_output_encryption_owner_and_a_request_token()
    {
        using var aws = moto.CreateClients();
        var bucket = await BucketAsync(aws);
        var workGroup = "wg-" + Guid.NewGuid().ToString("N")[..8];
        await Boto3.RunAsync(moto, $"client('athena').create_work_group(Name='{workGroup}')");
        await MotoAthena.QueueResultAsync(moto, TalkerColumns, []);
        var athena = new ResultWritingAthena(aws.Athena, aws.S3, csv: null);
        var options = Options(bucket) with
        {
            WorkGroup = workGroup,
            Catalog = "AwsDataCatalog",
            EncryptionOption = EncryptionOptions.SseKms,
            KmsKey = "arn:aws:kms:us-east-1:123456789012:key/abcd",
            ExpectedBucketOwner = "123456789012",
        };
        await using var engine = new AthenaEngine(options, athena, aws.S3);

        await using var result = await engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None);

        // moto wrote a header-only object: columns, no rows.
        Assert.Equal(["srcaddr", "dstaddr", "bytes"], result.Columns.Select(c => c.Name));
        Assert.Empty(await ReadAllAsync(result));
        var start = Assert.Single(athena.Starts);
        Assert.Equal(32, start.ClientRequestToken!.Length);
        var seen = await Boto3.RunAsync(moto, $"out(client('athena').get_query_execution(QueryExecutionId='{result.Stats.ExecutionId}')['QueryExecution'])");
        Assert.Equal(workGroup, seen.GetProperty("WorkGroup").GetString());
        Assert.Equal("flowlogs", seen.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal("AwsDataCatalog", seen.GetProperty("QueryExecutionContext").GetProperty("Catalog").GetString());
        var config = seen.GetProperty("ResultConfiguration");
        Assert.StartsWith($"s3://{bucket}/results/", config.GetProperty("OutputLocation").GetString());
        Assert.Equal("SSE_KMS", config.GetProperty("EncryptionConfiguration").GetProperty("EncryptionOption").GetString());
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/abcd", config.GetProperty("EncryptionConfiguration").GetProperty("KmsKey").GetString());
        Assert.Equal("123456789012", config.GetProperty("ExpectedBucketOwner").GetString());
    }

    [Fact]
    public async Task A_query_that_outlives_its_timeout_is_stopped_on_the_server()
    {
        using var aws = moto.CreateClients();
        var bucket = await BucketAsync(aws);
        var athena = new ResultWritingAthena(aws.Athena, aws.S3, csv: null);
        await using var engine = new AthenaEngine(Options(bucket) with { Timeout = TimeSpan.FromMilliseconds(400) }, athena, aws.S3);
        await MotoAthena.HoldExecutionsAsync(moto);
        try
        {
            var error = await Assert.ThrowsAsync<AthenaQueryTimeoutException>(() => engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None));

            Assert.Equal(QueryStates.Cancelled, error.FinalState);
            Assert.Equal(1, athena.Stops);
            var state = await Boto3.RunAsync(moto, $"out(client('athena').get_query_execution(QueryExecutionId='{error.ExecutionId}')['QueryExecution']['Status']['State'])");
            Assert.Equal(QueryStates.Cancelled, state.GetString());
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(moto);
        }
    }

    [Fact]
    public async Task Cancelling_the_caller_stops_the_query_and_throws_cancelled()
    {
        using var aws = moto.CreateClients();
        var bucket = await BucketAsync(aws);
        using var cancel = new CancellationTokenSource();
        string? id = null;
        var progress = new ImmediateProgress<AthenaQueryProgress>(p =>
        {
            // Ctrl+C a little after the first poll saw the query queued.
            if (Interlocked.Exchange(ref id, p.ExecutionId) is null)
                cancel.CancelAfter(TimeSpan.FromMilliseconds(100));
        });
        await using var engine = new AthenaEngine(Options(bucket), aws.Athena, aws.S3, progress);
        await MotoAthena.HoldExecutionsAsync(moto);
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, cancel.Token));

            Assert.NotNull(id);
            var state = await Boto3.RunAsync(moto, $"out(client('athena').get_query_execution(QueryExecutionId='{id}')['QueryExecution']['Status']['State'])");
            Assert.Equal(QueryStates.Cancelled, state.GetString());
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(moto);
        }
    }

    [Fact]
    public async Task A_query_cancelled_elsewhere_is_a_typed_failure()
    {
        using var aws = moto.CreateClients();
        var bucket = await BucketAsync(aws);
        var stopped = 0;
        var progress = new ImmediateProgress<AthenaQueryProgress>(p =>
        {
            // Someone else (the console, another tool) stops it while we poll.
            if (Interlocked.Exchange(ref stopped, 1) == 0)
                Boto3.RunAsync(moto, $"client('athena').stop_query_execution(QueryExecutionId='{p.ExecutionId}')").GetAwaiter().GetResult();
        });
        await using var engine = new AthenaEngine(Options(bucket), aws.Athena, aws.S3, progress);
        await MotoAthena.HoldExecutionsAsync(moto);
        try
        {
            var error = await Assert.ThrowsAsync<AthenaQueryFailedException>(() => engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None));

            Assert.Equal(QueryStates.Cancelled, error.State);
            Assert.False(error.IsBadInput);
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(moto);
        }
    }

    [Fact]
    public async Task Throttled_polls_are_retried_and_the_query_completes()
    {
        using var faults = new FaultInjectingHandler("AmazonAthena.GetQueryExecution", 2,
            () => FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));
        using var aws = moto.CreateClients(faults);
        var bucket = await BucketAsync(aws);
        await MotoAthena.QueueResultAsync(moto, TalkerColumns, [["10.0.0.1", "10.0.0.2", "5000"]]);
        await using var engine = new AthenaEngine(Options(bucket), aws.Athena, aws.S3);

        await using var result = await engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None);

        Assert.Single(await ReadAllAsync(result));
        Assert.Equal(2, faults.Injected);
        Assert.Equal(1, faults.Passed);
    }

    [Fact]
    public async Task Refuses_a_query_for_another_dialect_or_a_local_source()
    {
        using var aws = moto.CreateClients();
        await using var engine = new AthenaEngine(Options("unused"), aws.Athena, aws.S3);
        var duck = Queries.Athena() with { Dialect = SqlDialect.DuckDb };

        await Assert.ThrowsAsync<ArgumentException>(() => new BoundTable(engine, Queries.Source, duck.Window, ownsEngine: false).ExecuteAsync(duck, CancellationToken.None));
        var local = Queries.Source with { Root = "/data/flowlogs" };
        var error = await Assert.ThrowsAsync<Core.Errors.SourceException>(() => engine.ExecuteOnceAsync(Queries.Athena(), local, CancellationToken.None));
        Assert.Contains("/data/flowlogs", error.Message);
        Assert.Equal("\"flowlogs\".\"vpc\"", engine.TableReference);
        Assert.Equal(SqlDialect.Athena, engine.Dialect);
    }
}
