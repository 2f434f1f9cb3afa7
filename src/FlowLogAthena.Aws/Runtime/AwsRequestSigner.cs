using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>Signs one request with SigV4 through AWSSDK.Core's public signer; returns the headers to add.</summary>
internal static class AwsRequestSigner
{
    public static async Task<IDictionary<string, string>> SignAsync(
        Uri endpoint,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        AWSCredentials credentials,
        RegionEndpoint region,
        string signingName,
        DateTime? signedAt,
        CancellationToken cancellationToken)
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = body };
        foreach (var (name, value) in headers)
            request.Headers[name] = value;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = region,
            Service = signingName,
            SignPayload = true,
            SignedAt = signedAt,
        };
        var result = await AWSSigV4Signer.SignAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return result.Headers;
    }
}
