using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// Credentials from the SDK's standard chain only: the named profile when one is set (static keys,
/// SSO, assume-role, credential_process), otherwise environment, web identity, default profile,
/// container and instance metadata. Resolved once, lazily; the SDK's objects refresh themselves.
/// </summary>
public sealed class AwsCredentialChain(AwsSettings settings)
{
    private readonly Lazy<Task<AWSCredentials>> _credentials = new(() => ResolveAsync(settings));

    public Task<AWSCredentials> GetAsync() => _credentials.Value;

    private static async Task<AWSCredentials> ResolveAsync(AwsSettings settings)
    {
        if (settings.Profile is { } profile)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new AwsConfigurationException($"AWS profile '{profile}' was not found in the shared config or credentials files.");
        }

        try
        {
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(
                "No AWS credentials found: set AWS_PROFILE (SSO or keys in ~/.aws), AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an instance/container role.", e);
        }
    }
}
