using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A private instance whose subnet's route table lacks the S3 gateway endpoint, so its S3 transfers go through the
/// NAT gateway (charged per GB processed) and out of the internet gateway. There is one such instance in each VPC
/// that reaches the internet (not under Block Public Access): through the zonal NAT gateway of its AZ in prod,
/// through the regional NAT gateway in staging. Its records are NAT gateway records like any other
/// (<see cref="FlowSampler.ThroughNatGateway"/>), with S3 in pkt-dst-aws-service or pkt-src-aws-service.
/// </summary>
internal static class S3OverNat
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var instances = f.Targets.S3OverNatInstances;
        var instance = instances[f.Rng.Next(instances.Length)];
        f.ThroughNatGateway(ref s, instance, f.Remote.S3[f.Rng.Skewed(f.Remote.S3.Length)], AwsServices.S3, 443, 6, 500_000);
    }
}
