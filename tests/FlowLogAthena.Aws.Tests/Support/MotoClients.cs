using Amazon.Runtime;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>The AWS SDK side of the shared moto server: settings, dummy credentials and clients for its endpoint.</summary>
public static class MotoClients
{
    private static readonly SessionAWSCredentials DummyCredentials =
        new("AKIAMOTOTESTKEY00001", "motoSecretKey/DoNotLeak+0123456789abcdef", "motoSessionToken/DoNotLeak+FwoGZXIvYXdzEJr");

    extension(MotoServer moto)
    {
        /// <summary>Dummy credentials: moto accepts any, and they must never leak into messages.</summary>
        public static SessionAWSCredentials Credentials => DummyCredentials;

        /// <summary>The server's endpoint and region, with retries fast enough for tests.</summary>
        public AwsSettings Settings => new()
        {
            Region = MotoServer.Region,
            EndpointUrl = moto.Endpoint,
            Retry = AwsRetryPolicy.Default with { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };

        public AwsClients CreateClients(HttpMessageHandler? handler = null, Action<AwsCallRecord>? trace = null) =>
            AwsClients.Create(moto.Settings, DummyCredentials, handler, trace);
    }
}

/// <summary>The AWS tests share one moto server.</summary>
[CollectionDefinition(Name)]
public sealed class MotoTests : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
