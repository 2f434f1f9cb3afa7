using FlowLogAthena.Aws.Athena.Results;

namespace FlowLogAthena.Aws.Tests.Athena;

/// <summary>What moto cannot produce: a FAILED execution with Athena's reason, and results spread over pages.</summary>
public sealed class AthenaEngineScriptedTests
{
    private static readonly AthenaEngineOptions Options = new()
    {
        Database = "flowlogs",
        Table = "vpc",
        PollInitialDelay = TimeSpan.FromMilliseconds(1),
        PollMaxDelay = TimeSpan.FromMilliseconds(2),
    };

    private static QueryExecution Execution(string state, string? reason = null, string? output = null) => new()
    {
        QueryExecutionId = "q-scripted",
        StatementType = "DML",
        Status = new QueryExecutionStatus { State = state, StateChangeReason = reason },
        Statistics = new QueryExecutionStatistics { DataScannedInBytes = 3L << 30, EngineExecutionTimeInMillis = 1234 },
        ResultConfiguration = output is null ? null : new ResultConfiguration { OutputLocation = output },
    };

    [Fact]
    public async Task A_failed_query_surfaces_athenas_reason_category_type_and_retryable()
    {
        var athena = new ScriptedAthena();
        athena.Executions.Enqueue(Execution(QueryStates.Queued));
        athena.Executions.Enqueue(Execution(QueryStates.Running));
        athena.Executions.Enqueue(Execution(QueryStates.Failed, "SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved") with
        {
            Status = new QueryExecutionStatus
            {
                State = QueryStates.Failed,
                StateChangeReason = "SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved",
                AthenaError = new AthenaError { ErrorCategory = 2, ErrorType = 1006, Retryable = false, ErrorMessage = "Column 'nope' cannot be resolved" },
            },
        });
        var states = new List<string>();
        await using var engine = new AthenaEngine(Options, athena, new Amazon.S3.AmazonS3Client(new Amazon.Runtime.AnonymousAWSCredentials(), Amazon.RegionEndpoint.USEast1),
            new ImmediateProgress<AthenaQueryProgress>(p => states.Add(p.State)));

        var error = await Assert.ThrowsAsync<AthenaQueryFailedException>(() => engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None));

        Assert.Equal(QueryStates.Failed, error.State);
        Assert.Equal("SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved", error.Reason);
        Assert.Contains("Column 'nope' cannot be resolved", error.Message);
        Assert.Equal(1006, error.Error!.ErrorType);
        Assert.EndsWith("(user error, type 1006, not retryable)", error.Message);
        Assert.Equal([QueryStates.Queued, QueryStates.Running, QueryStates.Failed], states);
        Assert.DoesNotContain("StopQueryExecution", athena.Calls);
    }

    [Fact]
    public async Task Without_an_output_location_rows_come_from_every_page_with_the_header_skipped_once()
    {
        var athena = new ScriptedAthena();
        athena.Executions.Enqueue(Execution(QueryStates.Succeeded));
        var metadata = new ResultSetMetadata { ColumnInfo = [new ColumnInfo { Name = "srcaddr", Type = "varchar" }, new ColumnInfo { Name = "flows", Type = "bigint" }] };
        static Row R(params string?[] values) => new() { Data = values.Select(v => new Datum { VarCharValue = v }).ToArray() };
        athena.Pages[""] = new GetQueryResultsResponse { ResultSet = new ResultSet { ResultSetMetadata = metadata, Rows = [R("srcaddr", "flows"), R("10.0.0.1", "1")] }, NextToken = "p2" };
        athena.Pages["p2"] = new GetQueryResultsResponse { ResultSet = new ResultSet { ResultSetMetadata = metadata, Rows = [R("srcaddr", null), R("10.0.0.3", null)] }, NextToken = "p3" };
        athena.Pages["p3"] = new GetQueryResultsResponse { ResultSet = new ResultSet { ResultSetMetadata = metadata, Rows = [R("10.0.0.4", "4")] } };
        await using var engine = new AthenaEngine(Options with { ResultPageSize = 2 }, athena, new Amazon.S3.AmazonS3Client(new Amazon.Runtime.AnonymousAWSCredentials(), Amazon.RegionEndpoint.USEast1));

        await using var result = (AthenaQueryResult)await engine.ExecuteOnceAsync(Queries.Athena(), Queries.Source, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(row);

        Assert.Equal(AthenaResultSource.ResultPages, result.Source);
        // Only the first page's first row is the header; later pages start with data.
        Assert.Equal([["10.0.0.1", 1L], ["srcaddr", null], ["10.0.0.3", null], ["10.0.0.4", 4L]], rows);
        Assert.Equal(["GetQueryResults(first,2)", "GetQueryResults(p2,2)", "GetQueryResults(p3,2)"], athena.Calls.Where(c => c.StartsWith("GetQueryResults", StringComparison.Ordinal)));
        Assert.Equal(3L << 30, result.Stats.BytesScanned);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), result.Stats.EngineTime);
        Assert.Equal(3072 * 5m / (1 << 20), result.Stats.CostUsd);
    }

    [Theory]
    [InlineData("SSE_KMS", null, null)]
    [InlineData("AES", null, null)]
    [InlineData(null, "s3-bucket/x", null)]
    [InlineData(null, null, "12345")]
    public void Invalid_options_are_refused(string? encryption, string? output, string? owner)
    {
        var options = Options with { EncryptionOption = encryption, OutputLocation = output, ExpectedBucketOwner = owner };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}
