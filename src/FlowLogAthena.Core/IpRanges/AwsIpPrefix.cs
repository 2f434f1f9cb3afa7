using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>One entry of AWS's <c>ip-ranges.json</c>: a network, the region and network border group AWS advertises it
/// from (or <c>GLOBAL</c>), and the service code of the subset it belongs to (<c>AMAZON</c> holds every range).</summary>
public sealed record AwsIpPrefix(IpNetwork Network, string Region, string NetworkBorderGroup, string Service);
