using Amazon;
using FlowLogAthena.Aws.Glue;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>JSON clients wired to a <see cref="FakeHttpHandler"/>, with tiny retry delays.</summary>
public static class FakeAws
{
    public static readonly Uri Endpoint = new("https://athena.us-east-1.amazonaws.com/");

    /// <summary>Standard mode with tiny delays; <paramref name="policy"/> replaces it (its delays still shrunk).</summary>
    public static AwsConnection Connection(HttpMessageHandler handler, List<AwsCallRecord>? trace = null, int maxAttempts = 4, AwsRetryPolicy? policy = null, RetryQuota? quota = null) =>
        new(new HttpClient(handler), RegionEndpoint.USEast1, () => Task.FromResult<Amazon.Runtime.AWSCredentials>(MotoServer.Credentials),
            (policy ?? AwsRetryPolicy.For(RetryMode.Standard, maxAttempts)) with { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            trace is null ? null : record => { lock (trace) trace.Add(record); })
        {
            Quota = quota ?? new RetryQuota(),
        };

    public static AthenaClient Athena(HttpMessageHandler handler, List<AwsCallRecord>? trace = null, int maxAttempts = 4, AwsRetryPolicy? policy = null, RetryQuota? quota = null) =>
        new(new AwsJsonClient(AwsService.Athena, Endpoint, Connection(handler, trace, maxAttempts, policy, quota)));

    public static GlueClient Glue(HttpMessageHandler handler) =>
        new(new AwsJsonClient(AwsService.Glue, new Uri("https://glue.us-east-1.amazonaws.com/"), Connection(handler)));
}
