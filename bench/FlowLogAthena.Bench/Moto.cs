using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.S3;
using FlowLogAthena.Aws.Runtime;

namespace FlowLogAthena.Bench;

/// <summary>The moto server the script started: AWS clients for it, and its Athena result queue.</summary>
internal sealed class Moto(Uri endpoint)
{
    public const string Region = "us-east-1";

    /// <summary>Holds the staged result objects and the executions' result objects.</summary>
    public const string Bucket = "bench-athena";

    /// <summary>moto accepts any credentials.</summary>
    private static readonly BasicAWSCredentials Credentials = new("bench", "bench");

    private AwsSettings Settings => new() { Region = Region, EndpointUrl = endpoint };

    public static string StagedKey(long rows) => $"staged/rows-{rows}.csv";

    /// <param name="trace">Receives every attempt of every Athena call.</param>
    public AwsClients Clients(Action<AwsCallRecord>? trace = null) => AwsClients.Create(Settings, Credentials, trace: trace);

    /// <summary>An S3 client like <see cref="AwsClients.S3"/>, whose HTTP clients come from <paramref name="http"/> when given.</summary>
    public AmazonS3Client S3(HttpClientFactory? http = null)
    {
        var config = AwsClients.CreateS3Config(Settings);
        if (http is not null) config.HttpClientFactory = http;
        return new AmazonS3Client(Credentials, config);
    }

    /// <summary>
    /// Queues the bench result for the next StartQueryExecution: moto serves GetQueryResults from it (every
    /// row in one answer: it ignores MaxResults and NextToken). <paramref name="rows"/> = 0 queues the
    /// header row and column metadata only.
    /// </summary>
    public async Task QueueResultAsync(long rows, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        using var body = BenchResult.MotoQueueBody(Region, rows);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(endpoint, "moto-api/static/athena/query-results"), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"moto refused the queued result: HTTP {(int)response.StatusCode}.");
    }
}
