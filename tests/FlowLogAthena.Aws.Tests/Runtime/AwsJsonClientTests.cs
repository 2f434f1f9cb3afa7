using System.Net;
using System.Text.Json;

namespace FlowLogAthena.Aws.Tests.Runtime;

public sealed class AwsJsonClientTests
{
    private static readonly GetQueryExecutionRequest Request = new() { QueryExecutionId = "q-1" };

    [Fact]
    public async Task Posts_json_1_1_with_target_and_sigv4()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"QueryExecutionId":"q-42"}"""));
        var athena = FakeAws.Athena(handler);

        var response = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = "SELECT 1", WorkGroup = "primary" }, CancellationToken.None);

        Assert.Equal("q-42", response.QueryExecutionId);
        var (sent, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/", sent.RequestUri!.AbsolutePath);
        Assert.Equal("AmazonAthena.StartQueryExecution", sent.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal("application/x-amz-json-1.1", sent.Content!.Headers.ContentType!.ToString());
        var authorization = sent.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAMOTOTESTKEY00001/", authorization);
        Assert.Contains("/us-east-1/athena/aws4_request", authorization);
        Assert.Contains("x-amz-target", authorization);
        Assert.True(sent.Headers.Contains("X-Amz-Date"));
        Assert.True(sent.Headers.Contains("X-Amz-Security-Token"));
        // Absent members are omitted, present ones keep the model's names.
        Assert.Equal("""{"QueryString":"SELECT 1","WorkGroup":"primary"}""", body);
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var trace = new List<AwsCallRecord>();
        var handler = new FakeHttpHandler((_, _, n) => n switch
        {
            1 => FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""),
            2 => FakeHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"__type":"TooManyRequestsException","Message":"slow down"}"""),
            3 => FakeHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "<html>busy</html>"),
            _ => FakeHttpHandler.Json(HttpStatusCode.OK, """{"QueryExecution":{"QueryExecutionId":"q-1","Status":{"State":"RUNNING","SubmissionDateTime":1793613600.5}}}"""),
        });

        var response = await FakeAws.Athena(handler, trace, maxAttempts: 5).GetQueryExecutionAsync(Request, CancellationToken.None);

        Assert.Equal("RUNNING", response.QueryExecution!.Status!.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1793613600500), response.QueryExecution.Status.SubmissionDateTime);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(["ThrottlingException", "TooManyRequestsException", "Http503", null], trace.Select(t => t.ErrorCode));
        Assert.All(trace.Take(3), t => Assert.NotNull(t.RetryDelay));
        // Every attempt is signed afresh.
        Assert.Equal(4, handler.Requests.Select(r => r.Request.Headers.GetValues("Authorization").Single()).Count());
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_error()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FakeAws.Athena(handler, maxAttempts: 3).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.True(error.IsThrottling);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_carry_code_message_and_request_id()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.athena#InvalidRequestException","Message":"line 1:8: Column 'nope' cannot be resolved","AthenaErrorCode":"INVALID_INPUT"}""", "rid-7"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FakeAws.Athena(handler).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal("InvalidRequestException", error.ErrorCode);
        Assert.Equal("line 1:8: Column 'nope' cannot be resolved", error.ErrorMessage);
        Assert.Equal("rid-7", error.RequestId);
        Assert.Equal("athena", error.Service);
        Assert.Equal("GetQueryExecution", error.Operation);
        Assert.Contains("InvalidRequestException", error.Message);
        Assert.Contains("rid-7", error.Message);
        Assert.False(error.IsNotFound);
    }

    [Fact]
    public async Task Not_found_is_its_own_type()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"EntityNotFoundException","message":"Database nope not found."}"""));

        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() =>
            FakeAws.Glue(handler).GetDatabaseAsync(new Aws.Glue.GetDatabaseRequest { Name = "nope" }, CancellationToken.None));

        Assert.True(error.IsNotFound);
        Assert.Equal("glue", error.Service);
    }

    [Fact]
    public async Task The_error_type_header_is_used_when_the_body_has_none()
    {
        var handler = new FakeHttpHandler((_, _, _) =>
        {
            var response = FakeHttpHandler.Json(HttpStatusCode.BadRequest, "");
            response.Headers.TryAddWithoutValidation("X-Amzn-ErrorType", "AlreadyExistsException:http://internal.amazon.com/coral/com.amazonaws.glue/");
            return response;
        });

        var error = await Assert.ThrowsAsync<AwsAlreadyExistsException>(() =>
            FakeAws.Glue(handler).CreateDatabaseAsync(new Aws.Glue.CreateDatabaseRequest { DatabaseInput = new Aws.Glue.DatabaseInput { Name = "db" } }, CancellationToken.None));

        Assert.Equal("AlreadyExistsException", error.ErrorCode);
    }

    [Fact]
    public async Task Credentials_and_signatures_never_reach_messages_or_traces()
    {
        // AWS echoes the canonical request in signature errors; this fake echoes every header it got.
        var handler = new FakeHttpHandler((request, body, n) =>
        {
            var echoed = string.Join("\n", request.Headers.Select(h => $"{h.Key}:{string.Join(",", h.Value)}")) + "\n" + body;
            return n == 1
                ? FakeHttpHandler.Json(HttpStatusCode.InternalServerError, JsonSerializer.Serialize(new { __type = "InternalServerException", message = echoed }))
                : FakeHttpHandler.Json(HttpStatusCode.Forbidden, JsonSerializer.Serialize(new { __type = "InvalidSignatureException", message = "The request signature we calculated does not match. The Canonical String for this request should have been\n" + echoed }));
        });
        var trace = new List<AwsCallRecord>();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => FakeAws.Athena(handler, trace).GetQueryExecutionAsync(Request, CancellationToken.None));

        var credentials = MotoServer.Credentials.GetCredentials();
        var signatures = handler.Requests
            .Select(r => r.Request.Headers.GetValues("Authorization").Single())
            .Select(a => a[(a.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..])
            .ToList();
        var everything = string.Join("\n", trace.Select(t => t.ToString()).Append(error.Message).Append(error.ToString()));
        Assert.Contains("InvalidSignatureException", everything);
        Assert.Contains("***", everything);
        foreach (var secret in signatures.Append(credentials.SecretKey).Append(credentials.Token).Append(credentials.AccessKey))
            Assert.DoesNotContain(secret, everything);
    }

    [Fact]
    public async Task Cancellation_during_backoff_stops_the_call()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new FakeHttpHandler((_, _, _) =>
        {
            cancel.Cancel();
            return FakeHttpHandler.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException"}""");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeAws.Athena(handler).GetQueryExecutionAsync(Request, cancel.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_network_failure_is_a_client_error_naming_the_endpoint()
    {
        var handler = new FakeHttpHandler((_, _, _) => throw new HttpRequestException("Connection refused"));

        var error = await Assert.ThrowsAsync<AwsClientException>(() => FakeAws.Athena(handler).GetQueryExecutionAsync(Request, CancellationToken.None));

        Assert.Contains("athena.us-east-1.amazonaws.com", error.Message);
        Assert.Contains("Connection refused", error.Message);
    }
}
