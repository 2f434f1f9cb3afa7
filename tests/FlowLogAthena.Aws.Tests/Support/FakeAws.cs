using Amazon;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Runtime;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>JSON clients wired to a <see cref="FakeHttpHandler"/>, with tiny retry delays.</summary>
public static class FakeAws
{
    public static readonly Uri Endpoint = new("https://athena.us-east-1.amazonaws.com/");

    public static AwsConnection Connection(HttpMessageHandler handler, List<AwsCallRecord>? trace = null, int maxAttempts = 4) =>
        new(new HttpClient(handler), RegionEndpoint.USEast1, () => Task.FromResult<Amazon.Runtime.AWSCredentials>(MotoServer.Credentials),
            new AwsRetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
            trace is null ? null : record => { lock (trace) trace.Add(record); });

    public static AthenaClient Athena(HttpMessageHandler handler, List<AwsCallRecord>? trace = null, int maxAttempts = 4) =>
        new(new AwsJsonClient(AwsService.Athena, Endpoint, Connection(handler, trace, maxAttempts)));

    public static GlueClient Glue(HttpMessageHandler handler) =>
        new(new AwsJsonClient(AwsService.Glue, new Uri("https://glue.us-east-1.amazonaws.com/"), Connection(handler)));
}
