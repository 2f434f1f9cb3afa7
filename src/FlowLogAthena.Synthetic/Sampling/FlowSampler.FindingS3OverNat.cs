using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    private int[]? _s3OverNatInstances;

    /// <summary>
    /// Planted: a private instance whose subnet's route table lacks the S3 gateway endpoint, so its S3 transfers go
    /// through the NAT gateway (charged per GB processed) and out of the internet gateway. There is one such
    /// instance in each VPC that reaches the internet (not under Block Public Access): through the zonal NAT gateway
    /// of its AZ in prod, through the regional NAT gateway in staging. Its records are NAT gateway records like any
    /// other (<see cref="ThroughNatGateway"/>), with S3 in pkt-dst-aws-service or pkt-src-aws-service.
    /// </summary>
    private void S3OverNat(ref FlowSample s)
    {
        var instances = _s3OverNatInstances ??= S3OverNatInstances();
        var instance = instances[_rng.Next(instances.Length)];
        ThroughNatGateway(ref s, instance, _remote.S3[_rng.Skewed(_remote.S3.Length)], AwsServices.S3, 443, 6, 500_000);
    }

    /// <summary>The busiest private EC2 instance of each VPC outside Block Public Access.</summary>
    private int[] S3OverNatInstances() =>
    [
        .. Enumerable.Range(0, _net.Vpcs.Length)
            .Where(v => !_net.Vpcs[v].BlockPublicAccess)
            .Select(v => _net.PrivateWorkloads.First(i => _net.Interfaces[i].Vpc == v && _net.Interfaces[i].Kind == InterfaceKind.Instance)),
    ];
}
