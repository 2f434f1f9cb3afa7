using Amazon;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>AWS's public regional endpoints for the JSON services this product speaks.</summary>
public static class AwsEndpoints
{
    public static Uri Public(AwsService service, RegionEndpoint region)
    {
        // The partition's DNS suffix (amazonaws.com, amazonaws.com.cn, …) comes from the SDK's region table.
        var suffix = region.PartitionDnsSuffix is { Length: > 0 } known ? known : "amazonaws.com";
        return new Uri($"https://{service.EndpointPrefix}.{region.SystemName}.{suffix}/");
    }
}
