using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Glue;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// The AWS clients of one run, configured alike from <see cref="AwsSettings"/>: Athena and Glue over
/// the JSON protocol, S3 through AWSSDK.S3, with one retry policy and one call trace for all three. Credentials come from the standard chain unless a test passes
/// its own. Dispose it to release the HTTP stack.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly HttpClient _http;
    private readonly Lazy<AmazonS3Client> _s3;

    private AwsClients(AwsSettings settings, AWSCredentials? credentials, HttpMessageHandler? handler, Action<AwsCallRecord>? trace)
    {
        Settings = settings;
        var region = settings.ResolveRegion();
        var chain = new AwsCredentialChain(settings);
        Func<Task<AWSCredentials>> source = credentials is null ? chain.GetAsync : () => Task.FromResult(credentials);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        // Each attempt has its own timeout (AwsRetryPolicy.AttemptTimeout); the client's would cut across retries.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        Connection = new AwsConnection(_http, region, source, settings.Retry, trace);
        Athena = new AthenaClient(new AwsJsonClient(AwsService.Athena, settings.EndpointFor(AwsService.Athena), Connection));
        Glue = new GlueClient(new AwsJsonClient(AwsService.Glue, settings.EndpointFor(AwsService.Glue), Connection));
        _s3 = new Lazy<AmazonS3Client>(() => CreateS3(settings, credentials, new S3HttpTrace(trace, handler)));
    }

    public AwsSettings Settings { get; }

    public AwsConnection Connection { get; }

    public IAthenaApi Athena { get; }

    public IGlueApi Glue { get; }

    /// <summary>An S3 client with the same region, endpoint and credentials, created on first use.</summary>
    public AmazonS3Client S3 => _s3.Value;

    /// <param name="credentials">Only for tests and embedding: replaces the standard chain.</param>
    /// <param name="handler">Only for tests: the HTTP handler under every client, S3 included (not disposed here).</param>
    /// <param name="trace">Receives every attempt of every Athena, Glue and S3 call (no secrets), for verbose logs.</param>
    public static AwsClients Create(AwsSettings settings, AWSCredentials? credentials = null, HttpMessageHandler? handler = null, Action<AwsCallRecord>? trace = null) =>
        new(settings, credentials, handler, trace);

    /// <summary>
    /// An <see cref="AmazonS3Client"/> for <paramref name="settings"/>: the endpoint override (path-style
    /// addressing, signed for the configured region) or the region's public endpoint; the named profile or
    /// the standard chain unless <paramref name="credentials"/> is given.
    /// </summary>
    public static AmazonS3Client CreateS3(AwsSettings settings, AWSCredentials? credentials = null) =>
        CreateS3(settings, credentials, new S3HttpTrace(null, null));

    private static AmazonS3Client CreateS3(AwsSettings settings, AWSCredentials? credentials, HttpClientFactory http)
    {
        var config = CreateS3Config(settings);
        config.HttpClientFactory = http;
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    /// <summary>The S3 client configuration <see cref="CreateS3(AwsSettings, AWSCredentials?)"/> uses, for callers that wrap it.</summary>
    public static AmazonS3Config CreateS3Config(AwsSettings settings)
    {
        var region = settings.ResolveRegion();
        // The same retry policy as the JSON clients: the SDK's standard mode (v4 has no legacy mode; legacy keeps
        // its attempts), the same attempts, the same per-attempt timeout.
        var config = new AmazonS3Config
        {
            RetryMode = settings.Retry.Mode == Retries.RetryMode.Adaptive ? RequestRetryMode.Adaptive : RequestRetryMode.Standard,
            MaxErrorRetry = settings.Retry.MaxAttempts - 1,
            Timeout = settings.Retry.AttemptTimeout,
        };
        if (settings.Profile is { } profile)
            config.Profile = new Profile(profile);
        if (settings.EndpointOverrideFor(AwsService.S3) is { } endpoint)
        {
            // Emulators and private endpoints serve one host: address buckets by path, sign for the region.
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region.SystemName;
        }
        else
        {
            config.RegionEndpoint = region;
        }
        return config;
    }

    public void Dispose()
    {
        if (_s3.IsValueCreated) _s3.Value.Dispose();
        _http.Dispose();
    }
}
