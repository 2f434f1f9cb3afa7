using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Aws.Inventory;

/// <summary>What <c>inventory sync</c> reads: the accounts and regions, the role to assume in each account, and the tags to keep.</summary>
public sealed record InventorySyncRequest
{
    public required IReadOnlyList<string> Accounts { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>The role assumed in every account (<c>arn:PARTITION:iam::ACCOUNT:role/NAME</c>); null reads only the caller's own account.</summary>
    public string? RoleName { get; init; }

    /// <summary>Tag keys kept per interface (cost allocation tags, …); Name is always read for the instance name.</summary>
    public IReadOnlyList<string> TagKeys { get; init; } = [];
}

/// <summary>
/// Reads the interface inventory of every account and region asked for, with the standard credential chain, assuming
/// the named role per account through STS. Everything is read before anything is written, so a refused call leaves
/// no partial snapshot; its error names the account, region and call.
/// </summary>
public sealed class InventorySync(AwsSettings settings, AWSCredentials? credentials = null)
{
    public async Task<List<InterfaceRecord>> ReadAsync(InventorySyncRequest request, string snapshotTime, CancellationToken cancellationToken)
    {
        var caller = credentials ?? await new AwsCredentialChain(settings).GetAsync().ConfigureAwait(false);
        using var sts = new AmazonSecurityTokenServiceClient(caller, Config(new AmazonSecurityTokenServiceConfig(), AwsService.Sts, settings.ResolveRegion()));
        var callerAccount = await CallAsync("STS", "GetCallerIdentity", null, null,
            async () => (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false)).Account, cancellationToken).ConfigureAwait(false);

        var rows = new List<InterfaceRecord>();
        foreach (var account in request.Accounts)
        {
            var accountCredentials = await CredentialsForAsync(sts, caller, callerAccount, account, request, cancellationToken).ConfigureAwait(false);
            foreach (var region in request.Regions)
            {
                using var ec2 = new AmazonEC2Client(accountCredentials, Config(new AmazonEC2Config(), AwsService.Ec2, RegionEndpoint.GetBySystemName(region)));
                rows.AddRange(await CallAsync("EC2", "Describe*", account, region,
                    () => new Ec2InventoryReader(ec2).ReadAsync(account, region, request.TagKeys, snapshotTime, cancellationToken), cancellationToken).ConfigureAwait(false));
            }
        }
        return rows;
    }

    private static async Task<AWSCredentials> CredentialsForAsync(AmazonSecurityTokenServiceClient sts, AWSCredentials caller, string callerAccount, string account,
        InventorySyncRequest request, CancellationToken cancellationToken)
    {
        if (request.RoleName is not { } roleName)
            return account == callerAccount
                ? caller
                : throw new InventoryException(
                    $"Account {account} is not the one the credentials belong to ({callerAccount}); give --role-name, a role every account lets {callerAccount} assume.",
                    isBadInput: true);
        var arn = $"arn:{Partition(request.Regions[0])}:iam::{account}:role/{roleName}";
        var assumed = await CallAsync("STS", $"AssumeRole {arn}", account, null, async () => (await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = arn,
            RoleSessionName = "flowlog-athena-inventory",
            DurationSeconds = 3600,
        }, cancellationToken).ConfigureAwait(false)).Credentials, cancellationToken).ConfigureAwait(false);
        return new SessionAWSCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken);
    }

    /// <summary>aws, aws-cn or aws-us-gov, from a region name.</summary>
    internal static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    /// <summary>The endpoint override (an emulator, a private endpoint) or the region's public endpoint; the SDK's retries as configured.</summary>
    private TConfig Config<TConfig>(TConfig config, AwsService service, RegionEndpoint region) where TConfig : ClientConfig
    {
        config.RetryMode = settings.Retry.Mode == Runtime.Retries.RetryMode.Adaptive ? RequestRetryMode.Adaptive : RequestRetryMode.Standard;
        config.MaxErrorRetry = settings.Retry.MaxAttempts - 1;
        config.Timeout = settings.Retry.AttemptTimeout;
        if (settings.EndpointOverrideFor(service) is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region.SystemName;
        }
        else
        {
            config.RegionEndpoint = region;
        }
        return config;
    }

    /// <summary>Runs a call, turning what AWS refused into an error naming the service, call, account and region.</summary>
    private static async Task<T> CallAsync<T>(string service, string call, string? account, string? region, Func<Task<T>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (AmazonServiceException e) when (!cancellationToken.IsCancellationRequested)
        {
            var where = string.Join(", ", new[] { account is null ? null : $"account {account}", region is null ? null : $"region {region}" }.Where(w => w is not null));
            var denied = e.ErrorCode is "AccessDenied" or "UnauthorizedOperation" or "AuthFailure" or "InvalidClientTokenId" or "OptInRequired";
            throw new InventoryException($"{service} {call}{(where.Length > 0 ? $" ({where})" : "")} failed: {e.ErrorCode}: {e.Message}"
                + (denied ? " The role (or the credentials) needs ec2:DescribeNetworkInterfaces, ec2:DescribeInstances and ec2:DescribeSecurityGroups, and sts:AssumeRole for --role-name." : ""),
                isBadInput: denied || e.StatusCode == System.Net.HttpStatusCode.BadRequest, e);
        }
        catch (AmazonClientException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InventoryException($"{service} {call}: {e.Message}", isBadInput: false, e);
        }
    }
}
