using System.Net.Sockets;

namespace FlowLogAthena.Aws.Tests.Runtime.Retries;

public sealed class RetryableFailuresTests
{
    [Theory]
    [InlineData(400, "ThrottlingException", RetryableFailure.Throttling)]
    [InlineData(400, "TooManyRequestsException", RetryableFailure.Throttling)]
    [InlineData(400, "RequestLimitExceeded", RetryableFailure.Throttling)]
    [InlineData(503, "SlowDown", RetryableFailure.Throttling)]
    [InlineData(400, "ProvisionedThroughputExceededException", RetryableFailure.Throttling)]
    [InlineData(429, null, RetryableFailure.Throttling)]
    [InlineData(500, "InternalServerException", RetryableFailure.Transient)]
    [InlineData(502, null, RetryableFailure.Transient)]
    [InlineData(503, null, RetryableFailure.Transient)]
    [InlineData(504, null, RetryableFailure.Transient)]
    [InlineData(400, "RequestTimeout", RetryableFailure.Transient)]
    [InlineData(408, "RequestTimeoutException", RetryableFailure.Transient)]
    [InlineData(501, "NotImplemented", RetryableFailure.None)]
    [InlineData(400, "InvalidRequestException", RetryableFailure.None)]
    [InlineData(400, "EntityNotFoundException", RetryableFailure.None)]
    [InlineData(403, "AccessDeniedException", RetryableFailure.None)]
    public void Answers_are_classified_as_the_standard_mode_does(int status, string? code, RetryableFailure expected)
    {
        Assert.Equal(expected, RetryableFailures.Classify(status, code));
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, "connection refused")]
    [InlineData(SocketError.ConnectionReset, "connection reset")]
    [InlineData(SocketError.HostNotFound, "DNS lookup failed")]
    [InlineData(SocketError.TimedOut, "connection timed out")]
    public void Network_failures_are_named_plainly(SocketError error, string expected)
    {
        var failure = new HttpRequestException("An error occurred", new SocketException((int)error));

        Assert.Equal(expected, RetryableFailures.Describe(failure));
    }
}
