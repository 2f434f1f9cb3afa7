using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using FlowLogAthena.Aws.Runtime.Retries;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// Region, profile and endpoint overrides for every AWS client, bound the way the AWS SDKs and CLI bind
/// them (<c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>, <c>AWS_PROFILE</c>, <c>AWS_ENDPOINT_URL</c>,
/// <c>AWS_ENDPOINT_URL_ATHENA|GLUE|S3</c>, <c>AWS_RETRY_MODE</c>, <c>AWS_MAX_ATTEMPTS</c>). Holds no secrets: credentials come from the SDK's chain.
/// </summary>
public sealed record AwsSettings
{
    /// <summary>Region system name, e.g. <c>eu-west-1</c>; when null, the profile's region or the SDK's fallback.</summary>
    public string? Region { get; init; }

    /// <summary>Named profile from the shared config/credentials files; when null, the default chain.</summary>
    public string? Profile { get; init; }

    /// <summary>One endpoint for every service (<c>AWS_ENDPOINT_URL</c>), e.g. a local emulator.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Per-service endpoints, keyed by <see cref="AwsService.EndpointEnvironmentSuffix"/>; these win over <see cref="EndpointUrl"/>.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceEndpoints { get; init; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How every client retries: the SDKs' mode, attempts and per-attempt timeout (see <see cref="RetrySettings"/>).</summary>
    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>Reads the standard environment variables (or <paramref name="getVariable"/>, for tests).</summary>
    public static AwsSettings FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? Read(string name) => getVariable(name) is { Length: > 0 } value ? value.Trim() : null;

        var endpoints = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in new[] { AwsService.Athena, AwsService.Glue, AwsService.S3 })
        {
            var variable = "AWS_ENDPOINT_URL_" + service.EndpointEnvironmentSuffix;
            if (Read(variable) is { } url)
                endpoints[service.EndpointEnvironmentSuffix] = ParseEndpoint(variable, url);
        }

        var profile = Read("AWS_PROFILE");
        return new AwsSettings
        {
            Region = Read("AWS_REGION") ?? Read("AWS_DEFAULT_REGION"),
            Profile = profile,
            Retry = RetrySettings.Resolve(getVariable, profile),
            EndpointUrl = Read("AWS_ENDPOINT_URL") is { } all ? ParseEndpoint("AWS_ENDPOINT_URL", all) : null,
            ServiceEndpoints = endpoints,
        };
    }

    /// <summary>The endpoint override for <paramref name="service"/>, or null to use AWS's public endpoint.</summary>
    public Uri? EndpointOverrideFor(AwsService service) =>
        ServiceEndpoints.TryGetValue(service.EndpointEnvironmentSuffix, out var specific) ? specific : EndpointUrl;

    /// <summary>The endpoint requests for <paramref name="service"/> go to.</summary>
    public Uri EndpointFor(AwsService service) => EndpointOverrideFor(service) ?? AwsEndpoints.Public(service, ResolveRegion());

    /// <summary>
    /// The region to sign for and address: <see cref="Region"/>, else the named profile's region, else the
    /// SDK's fallback (environment, default profile, instance metadata).
    /// </summary>
    public RegionEndpoint ResolveRegion()
    {
        if (Region is { } name)
            return RegionEndpoint.GetBySystemName(name);
        if (Profile is { } profile && new CredentialProfileStoreChain().TryGetProfile(profile, out var stored) && stored.Region is { } profileRegion)
            return profileRegion;
        return FallbackRegionFactory.GetRegionEndpoint()
            ?? throw new AwsConfigurationException("No AWS region is configured: set AWS_REGION (or AWS_DEFAULT_REGION), or a region in the profile.");
    }

    private static Uri ParseEndpoint(string variable, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new AwsConfigurationException($"{variable} must be an absolute http(s) URL, not '{value}'.");
}
