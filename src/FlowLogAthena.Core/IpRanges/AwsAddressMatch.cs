namespace FlowLogAthena.Core.IpRanges;

/// <summary>
/// What AWS's ranges say of one address. <see cref="Service"/> is the one service code the address is used by, chosen
/// as AWS documents the overlaps (https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-range-overlaps.html): every
/// range is also in <c>AMAZON</c>, and a range listed under <c>EC2</c> and another code is used by that other service
/// only; so a code other than AMAZON and EC2 wins, then EC2, then AMAZON, each time the most specific prefix first
/// (then the code's name). <see cref="Region"/> and <see cref="NetworkBorderGroup"/> are that entry's.
/// <see cref="Services"/> lists every code of every range holding the address, sorted.
/// </summary>
public sealed record AwsAddressMatch(string Service, string Services, string Region, string NetworkBorderGroup, string Prefix);
