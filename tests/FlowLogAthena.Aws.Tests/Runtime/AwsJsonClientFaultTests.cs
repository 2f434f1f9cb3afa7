using System.Net;
using System.Net.Sockets;

namespace FlowLogAthena.Aws.Tests.Runtime;

/// <summary>How the JSON client meets faults: which are retried, how often, with what quota, and what the user is told.</summary>
public sealed class AwsJsonClientFaultTests
{
    private static readonly GetQueryExecutionRequest Request = new() { QueryExecutionId = "q-1" };

    private static readonly string Running = """{"QueryExecution":{"QueryExecutionId":"q-1","Status":{"State":"RUNNING"}}}""";

    private static HttpRequestException Socket(SocketError error) => new("network", new SocketException((int)error));

    [Theory]
    [InlineData(SocketError.ConnectionRefused, "connection refused")]
    [InlineData(SocketError.ConnectionReset, "connection reset")]
    [InlineData(SocketError.HostNotFound, "DNS lookup failed")]
    public async Task Transient_network_failures_are_retried_then_succeed(SocketError fault, string named)
    {
        var trace = new List<AwsCallRecord>();
        var handler = new FakeHttpHandler((_, _, n) => n < 3 ? throw Socket(fault) : FakeHttpHandler.Json(HttpStatusCode.OK, Running));

        var response = await FakeAws.Athena(handler, trace, maxAttempts: 3).GetQueryExecutionAsync(Request, CancellationToken.None);

        Assert.Equal("RUNNING", response.QueryExecution!.Status!.State);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(trace.Take(2), t => Assert.Contains(named, t.ErrorMessage));
        Assert.All(trace.Take(2), t => Assert.NotNull(t.RetryDelay));
    }

    [Fact]
    public async Task A_network_failure_on_every_attempt_fails_after_max_attempts_naming_the_endpoint_and_the_fault()
    {
        var handler = new FakeHttpHandler((_, _, _) => throw Socket(SocketError.ConnectionRefused));

        var error = await Assert.ThrowsAsync<AwsClientException>(() => FakeAws.Athena(handler, maxAttempts: 3).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("athena.us-east-1.amazonaws.com", error.Message);
        Assert.Contains("connection refused", error.Message);
        Assert.Contains("after 3 attempt(s)", error.Message);
    }

    [Fact]
    public async Task An_attempt_that_outlives_the_per_attempt_timeout_is_abandoned_and_retried()
    {
        var calls = 0;
        var handler = new DelegatingStub(async (_, token) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return FakeHttpHandler.Json(HttpStatusCode.OK, Running);
        });
        var trace = new List<AwsCallRecord>();
        var policy = AwsRetryPolicy.Default with { AttemptTimeout = TimeSpan.FromMilliseconds(200) };

        var response = await FakeAws.Athena(handler, trace, policy: policy).GetQueryExecutionAsync(Request, CancellationToken.None);

        Assert.Equal("RUNNING", response.QueryExecution!.Status!.State);
        Assert.Equal(2, calls);
        Assert.Equal("AttemptTimeout", trace[0].ErrorCode);
        Assert.Contains("per-attempt timeout of 0.2 s", trace[0].ErrorMessage);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_an_attempt_timeout()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var handler = new DelegatingStub(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return FakeHttpHandler.Json(HttpStatusCode.OK, Running);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeAws.Athena(handler).GetQueryExecutionAsync(Request, cancel.Token));
    }

    [Fact]
    public async Task Under_a_throttling_storm_an_exhausted_retry_quota_stops_retrying()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));
        // Room for three retries (5 tokens each) across every call of the connection.
        var quota = new RetryQuota(capacity: 15);
        var athena = FakeAws.Athena(handler, maxAttempts: 3, quota: quota);

        for (var call = 0; call < 4; call++)
            await Assert.ThrowsAsync<AwsServiceException>(() => athena.GetQueryExecutionAsync(Request, CancellationToken.None));

        // Without a quota: 4 calls × 3 attempts = 12. With it: 4 first attempts + 3 retries.
        Assert.Equal(7, handler.Requests.Count);
        Assert.Equal(0, quota.Available);
    }

    [Theory]
    [InlineData("standard", 3)]
    [InlineData("legacy", 5)]
    [InlineData("adaptive", 3)]
    public async Task The_number_of_attempts_follows_the_configured_mode(string mode, int attempts)
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "busy"));
        var policy = RetrySettings.Resolve(name => name == "AWS_RETRY_MODE" ? mode : name == "AWS_CONFIG_FILE" ? "/nonexistent" : null, null);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FakeAws.Athena(handler, policy: policy).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Equal(attempts, handler.Requests.Count);
        Assert.Equal(attempts, error.Attempts);
        Assert.Contains($"{attempts} attempts", error.Message);
    }

    [Fact]
    public async Task An_unreadable_success_is_not_repeated_and_says_it_does_not_match_the_model()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.OK, "<html>captive portal</html>"));

        var error = await Assert.ThrowsAsync<AwsClientException>(() => FakeAws.Athena(handler).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Contains("GetQueryExecution answered with a response that does not match its model", error.Message);
    }

    [Fact]
    public async Task Athena_error_code_and_throttling_reason_reach_the_message()
    {
        var malformed = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"__type":"InvalidRequestException","Message":"line 1:1: mismatched input 'SELEC'","AthenaErrorCode":"MALFORMED_QUERY"}"""));
        var limited = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"__type":"TooManyRequestsException","Message":"Too many queries","Reason":"CONCURRENT_QUERY_LIMIT_EXCEEDED"}"""));

        var invalid = await Assert.ThrowsAsync<AwsServiceException>(() => FakeAws.Athena(malformed).GetQueryExecutionAsync(Request, CancellationToken.None));
        var throttled = await Assert.ThrowsAsync<AwsServiceException>(() => FakeAws.Athena(limited, maxAttempts: 2).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Equal("MALFORMED_QUERY", invalid.Detail("AthenaErrorCode"));
        Assert.Contains("InvalidRequestException (AthenaErrorCode MALFORMED_QUERY)", invalid.Message);
        Assert.Equal("CONCURRENT_QUERY_LIMIT_EXCEEDED", throttled.Detail("Reason"));
        Assert.Contains("TooManyRequestsException (Reason CONCURRENT_QUERY_LIMIT_EXCEEDED)", throttled.Message);
        Assert.Contains("2 attempts", throttled.Message);
    }

    [Fact]
    public async Task Responses_missing_members_or_carrying_new_ones_still_parse()
    {
        // No ReusedPreviousResult (required in our record), no EncryptionOption, and members AWS may add later.
        const string body = """
            {"QueryExecution":{"QueryExecutionId":"q-1","NewTopLevelThing":{"x":[1,2]},
             "ResultConfiguration":{"EncryptionConfiguration":{},"AclConfiguration":{}},
             "ResultReuseConfiguration":{"ResultReuseByAgeConfiguration":{}},
             "Status":{"State":"SUCCEEDED","AthenaError":{"ErrorCategory":2}},
             "Statistics":{"ResultReuseInformation":{},"SomeFutureCounter":5}}}
            """;
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.OK, body));

        var response = await FakeAws.Athena(handler).GetQueryExecutionAsync(Request, CancellationToken.None);

        Assert.Equal("SUCCEEDED", response.QueryExecution!.Status!.State);
        Assert.False(response.QueryExecution.Statistics!.ResultReuseInformation!.ReusedPreviousResult);
    }

    /// <summary>A handler answering from an async function (to hang or fail per call).</summary>
    private sealed class DelegatingStub(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }
}
