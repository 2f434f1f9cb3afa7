using Amazon.EC2;
using Amazon.EC2.Model;
using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Aws.Inventory;

/// <summary>
/// One account and region's interfaces, read with DescribeNetworkInterfaces, DescribeInstances (the Name and the named
/// tags of each interface's instance) and DescribeSecurityGroups (group names), every page of each.
/// </summary>
internal sealed class Ec2InventoryReader(IAmazonEC2 ec2)
{
    public async Task<List<InterfaceRecord>> ReadAsync(string account, string region, IReadOnlyList<string> tagKeys, string snapshotTime, CancellationToken cancellationToken)
    {
        var interfaces = new List<NetworkInterface>();
        string? token = null;
        do
        {
            var page = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NextToken = token, MaxResults = 1000 }, cancellationToken).ConfigureAwait(false);
            interfaces.AddRange(page.NetworkInterfaces ?? []);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var instances = new Dictionary<string, Instance>(StringComparer.Ordinal);
        token = null;
        do
        {
            var page = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = token, MaxResults = 1000 }, cancellationToken).ConfigureAwait(false);
            foreach (var instance in (page.Reservations ?? []).SelectMany(r => r.Instances ?? []))
                instances[instance.InstanceId] = instance;
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        token = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { NextToken = token, MaxResults = 1000 }, cancellationToken).ConfigureAwait(false);
            foreach (var group in page.SecurityGroups ?? []) groups[group.GroupId] = group.GroupName;
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return [.. interfaces.Select(eni => Record(eni, instances, groups, account, region, tagKeys, snapshotTime)).OrderBy(r => r.InterfaceId, StringComparer.Ordinal)];
    }

    private static InterfaceRecord Record(NetworkInterface eni, Dictionary<string, Instance> instances, Dictionary<string, string> groups, string account,
        string region, IReadOnlyList<string> tagKeys, string snapshotTime)
    {
        var instanceId = eni.Attachment?.InstanceId;
        var instance = instanceId is not null && instances.TryGetValue(instanceId, out var found) ? found : null;
        var eniGroups = eni.Groups ?? [];
        var addresses = (eni.PrivateIpAddresses ?? []).Select(a => a.PrivateIpAddress).Concat((eni.Ipv6Addresses ?? []).Select(a => a.Ipv6Address))
            .Where(a => !string.IsNullOrEmpty(a));
        // The instance's tags first: a cost center is usually set on the instance, and overrides nothing on the interface.
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in tagKeys)
        {
            var value = (instance?.Tags ?? []).FirstOrDefault(t => t.Key == key)?.Value ?? (eni.TagSet ?? []).FirstOrDefault(t => t.Key == key)?.Value;
            if (value is not null) tags[key] = value;
        }
        return new InterfaceRecord
        {
            SnapshotTime = snapshotTime,
            AccountId = eni.OwnerId ?? account,
            Region = region,
            InterfaceId = eni.NetworkInterfaceId,
            InterfaceType = eni.InterfaceType?.Value,
            Description = NullIfEmpty(eni.Description),
            RequesterId = NullIfEmpty(eni.RequesterId),
            RequesterManaged = eni.RequesterManaged ?? false,
            Status = eni.Status?.Value,
            VpcId = NullIfEmpty(eni.VpcId),
            SubnetId = NullIfEmpty(eni.SubnetId),
            AvailabilityZone = NullIfEmpty(eni.AvailabilityZone),
            PrivateIp = NullIfEmpty(eni.PrivateIpAddress),
            Addresses = NullIfEmpty(string.Join(' ', addresses)),
            PublicIp = NullIfEmpty(eni.Association?.PublicIp),
            InstanceId = NullIfEmpty(instanceId),
            InstanceName = NullIfEmpty((instance?.Tags ?? []).FirstOrDefault(t => t.Key == "Name")?.Value),
            SecurityGroupIds = NullIfEmpty(string.Join(',', eniGroups.Select(g => g.GroupId))),
            SecurityGroupNames = NullIfEmpty(string.Join(',', eniGroups.Select(g => groups.TryGetValue(g.GroupId, out var name) ? name : g.GroupName))),
            Tags = tags,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
