using Amazon.S3.Model;

namespace FlowLogAthena.Aws.Tests.Athena;

/// <summary>
/// No billed query is left running: whatever fault ends the wait after StartQueryExecution reached moto, the
/// engine stops the execution (moto then reports it CANCELLED) and the error names the execution and its state.
/// moto holds executions QUEUED, so only a stop ends them.
/// </summary>
[Collection(MotoTests.Name)]
public sealed class AthenaFaultTests(MotoServer moto)
{
    private static AthenaEngineOptions Options(string bucket) => MotoAthena.EngineOptions(bucket);

    private AwsClients Clients(HttpMessageHandler handler, List<AwsCallRecord> trace, AwsRetryPolicy? policy = null) =>
        AwsClients.Create(moto.Settings with
        {
            Retry = (policy ?? AwsRetryPolicy.Default) with { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(3) },
        }, MotoServer.Credentials, handler, r => { lock (trace) trace.Add(r); });

    private async Task<(AthenaQueryInterruptedException Error, string State, List<AwsCallRecord> Trace)> RunUnderFaultAsync(
        string operation, AwsFaultKind kind, AwsRetryPolicy? policy = null)
    {
        var marker = Guid.NewGuid().ToString("N");
        // Every attempt of one call fails, so the call fails; the calls after it (the stop, its confirmation) pass.
        // An unreadable answer is not retried, so it takes one fault to fail the call.
        using var faults = new AwsFaultHandler("AmazonAthena." + operation, kind, kind == AwsFaultKind.Unreadable ? 1 : (policy ?? AwsRetryPolicy.Default).MaxAttempts);
        var trace = new List<AwsCallRecord>();
        using var aws = Clients(faults, trace, policy);
        var bucket = "results-" + marker[..10];
        await aws.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await MotoAthena.HoldExecutionsAsync(moto);
        try
        {
            await using var engine = new AthenaEngine(Options(bucket), aws.Athena, aws.S3);
            var query = Queries.Athena($"SELECT 1 AS marker_{marker}");
            var error = await Assert.ThrowsAsync<AthenaQueryInterruptedException>(() => new BoundTable(engine, Queries.Source, query.Window, ownsEngine: false).ExecuteAsync(query, CancellationToken.None));
            var state = await Boto3.RunAsync(moto, $"""
                a = client('athena')
                qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
                out([x['Status']['State'] for x in qs if '{marker}' in x['Query']])
                """);
            return (error, Assert.Single(state.EnumerateArray()).GetString()!, trace);
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(moto);
        }
    }

    [Theory]
    [InlineData(AwsFaultKind.Refused, "connection refused")]
    [InlineData(AwsFaultKind.Reset, "connection reset")]
    [InlineData(AwsFaultKind.Dns, "DNS lookup failed")]
    [InlineData(AwsFaultKind.Hang, "per-attempt timeout")]
    [InlineData(AwsFaultKind.Throttling, "ThrottlingException")]
    [InlineData(AwsFaultKind.ServerError, "InternalServerException")]
    [InlineData(AwsFaultKind.Unreadable, "does not match its model")]
    public async Task A_fault_while_polling_stops_the_started_query_and_says_so(AwsFaultKind kind, string named)
    {
        var (error, state, _) = await RunUnderFaultAsync("GetQueryExecution", kind);

        Assert.Equal("CANCELLED", state);
        Assert.Equal("CANCELLED", error.FinalState);
        Assert.Contains(named, error.Message);
        Assert.Contains($"Athena query {error.ExecutionId} was stopped (state CANCELLED)", error.Message);
        Assert.False(error.IsBadInput);
    }

    [Fact]
    public async Task A_start_whose_answer_was_lost_is_found_by_its_request_token_and_stopped()
    {
        // Every attempt reaches moto and its answer is lost; the retries reuse one token, so one execution exists.
        var (error, state, trace) = await RunUnderFaultAsync("StartQueryExecution", AwsFaultKind.AnswerLost);

        Assert.Equal("CANCELLED", state);
        Assert.NotNull(error.ExecutionId);
        Assert.Equal("CANCELLED", error.FinalState);
        // Three lost answers, then one more start with the same token that returns the existing execution.
        Assert.Equal(3, trace.Count(t => t.Operation == "StartQueryExecution" && t.StatusCode is null));
        Assert.Equal(4, trace.Count(t => t.Operation == "StartQueryExecution"));
    }

    [Theory]
    [InlineData(RetryMode.Standard, 3)]
    [InlineData(RetryMode.Legacy, 5)]
    public async Task Under_a_throttling_storm_the_attempts_follow_the_mode_and_the_query_is_stopped(RetryMode mode, int attempts)
    {
        var (error, state, trace) = await RunUnderFaultAsync("GetQueryExecution", AwsFaultKind.Throttling, AwsRetryPolicy.For(mode));

        Assert.Equal("CANCELLED", state);
        Assert.Equal(attempts, trace.Count(t => t.Operation == "GetQueryExecution" && t.ErrorCode == "ThrottlingException"));
        Assert.Contains($"{attempts} attempts", error.Message);
        Assert.Single(trace, t => t.Operation == "StopQueryExecution");
    }

    [Fact]
    public async Task When_athena_cannot_be_reached_to_stop_the_error_says_what_to_check()
    {
        var marker = Guid.NewGuid().ToString("N");
        var trace = new List<AwsCallRecord>();
        using var faults = new EverythingAfterStartFails();
        using var aws = Clients(faults, trace);
        await MotoAthena.HoldExecutionsAsync(moto);
        try
        {
            await using var engine = new AthenaEngine(Options("unused-" + marker[..8]) with { StopWaitLimit = TimeSpan.FromSeconds(2) }, aws.Athena, aws.S3);

            var error = await Assert.ThrowsAsync<AthenaQueryInterruptedException>(() =>
                engine.ExecuteOnceAsync(Queries.Athena($"SELECT 1 AS marker_{marker}"), Queries.Source, CancellationToken.None));

            Assert.Null(error.FinalState);
            Assert.Contains($"aws athena get-query-execution --query-execution-id {error.ExecutionId}", error.Message);
            Assert.Contains("did not confirm a final state", error.Message);
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(moto);
            // The test's own clean-up: the held query is stopped so no later test sees it running.
            using var direct = moto.CreateClients();
            foreach (var id in (await Boto3.RunAsync(moto, $"a = client('athena')\nout([i for i in a.list_query_executions()['QueryExecutionIds'] if '{marker}' in a.get_query_execution(QueryExecutionId=i)['QueryExecution']['Query']])")).EnumerateArray())
                await direct.Athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = id.GetString()! }, CancellationToken.None);
        }
    }

    /// <summary>The start reaches moto; every call after it is refused, as when the network drops for good.</summary>
    private sealed class EverythingAfterStartFails() : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Headers.TryGetValues("X-Amz-Target", out var target) && target.Single() == "AmazonAthena.StartQueryExecution"
                ? base.SendAsync(request, cancellationToken)
                : AwsFault.ApplyAsync(AwsFaultKind.Refused, () => base.SendAsync(request, cancellationToken), cancellationToken);
    }
}
