using FlowLogAthena.Synthetic.Findings;
using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Picks what each record describes — a traffic scenario, the interface that logged it, the peer — and fills a
/// <see cref="FlowSample"/> consistently: the interface's own address is srcaddr on egress and dstaddr on ingress,
/// traffic-path is set on egress only, NAT gateway records carry the translated pkt-* addresses, and so on.
/// Local interfaces and popular remotes are drawn with a Zipf skew (clear top talkers, many repeated pairs);
/// most internet peers are drawn fresh, so distinct (srcaddr, dstaddr) pairs grow with the record count.
/// An accepted conversation is logged in both directions: its reply is the next record (FlowSampler.Replies.cs).
/// </summary>
internal sealed partial class FlowSampler : IRecordSampler
{
    /// <summary>Fills <paramref name="sample"/> with one record of a scenario.</summary>
    private delegate void DrawRecord(FlowSampler sampler, ref FlowSample sample);

    /// <summary>A kind of traffic the records describe, and its share of the draws in 1/10,000.</summary>
    private sealed record Scenario(string Name, int Weight, DrawRecord Draw);

    /// <summary>
    /// Every scenario once, in the order a roll walks them (the order is part of the output); the shares sum to
    /// 10,000. An answered draw writes two records. Adding a scenario is a method and a row.
    /// </summary>
    private static readonly Scenario[] Scenarios =
    [
        new(nameof(LogStatus.NoData), 80, static (f, ref s) => f.Idle(ref s, LogStatus.NoData)),
        new(nameof(LogStatus.SkipData), 20, static (f, ref s) => f.Idle(ref s, LogStatus.SkipData)),
        new(nameof(EastWest), 3200, static (f, ref s) => f.EastWest(ref s)),
        new(nameof(Dns), 400, static (f, ref s) => f.Dns(ref s)),
        new(nameof(InternetEgress), 1300, static (f, ref s) => f.InternetEgress(ref s)),
        new(nameof(InternetIngress), 1000, static (f, ref s) => f.InternetIngress(ref s)),
        new(nameof(NatGateway), 1000, static (f, ref s) => f.NatGateway(ref s)),
        new(nameof(PortScan), 600, static (f, ref s) => f.PortScan(ref s)),
        new(nameof(AwsService), 500, static (f, ref s) => f.AwsService(ref s)),
        new(nameof(Vpn), 300, static (f, ref s) => f.Vpn(ref s)),
        new(nameof(Peering), 400, static (f, ref s) => f.Peering(ref s)),
        new(nameof(LocalGateway), 100, static (f, ref s) => f.LocalGateway(ref s)),
        new(nameof(EdgeInternet), 100, static (f, ref s) => f.EdgeInternet(ref s)),
        new(nameof(Ipv6), 500, static (f, ref s) => f.Ipv6(ref s)),
        new(nameof(Icmp), 300, static (f, ref s) => f.Icmp(ref s)),
        new(nameof(TransitGateway), 200, static (f, ref s) => f.TransitGateway(ref s)),
    ];

    private readonly NetworkTopology _net;
    private readonly RemoteAddresses _remote;
    private readonly bool _plantFindings;
    private readonly FindingTargets _targets;
    private FastRandom _rng;

    /// <param name="windowFromUnixSeconds">Start of the whole generated window (not just this file's slice).</param>
    /// <param name="windowToUnixSeconds">End of the whole generated window, exclusive.</param>
    public FlowSampler(NetworkTopology net, RemoteAddresses remote, ulong seed, bool plantFindings,
        long windowFromUnixSeconds, long windowToUnixSeconds)
    {
        _net = net;
        _remote = remote;
        _rng = new FastRandom(seed);
        _plantFindings = plantFindings;
        _targets = new FindingTargets(net, DiagnoseTargets.Of(net, windowFromUnixSeconds, windowToUnixSeconds));
    }

    /// <summary>The account and region's network the records are drawn from.</summary>
    internal NetworkTopology Net => _net;

    /// <summary>The addresses outside the VPCs, shared by the run.</summary>
    internal RemoteAddresses Remote => _remote;

    /// <summary>The interfaces the planted findings are about.</summary>
    internal FindingTargets Targets => _targets;

    /// <summary>The file's random stream: every draw, here or in a finding, advances this one sequence.</summary>
    internal ref FastRandom Rng => ref _rng;

    /// <summary>Unix seconds in [from, to): callers spread record starts over their file's slice with it.</summary>
    public long NextInt64(long maxExclusive) => _rng.NextInt64(maxExclusive);

    /// <summary>
    /// Draws the next record that starts a conversation (or is a reject, NODATA, ...). When the conversation is
    /// answered, its reply is kept for <see cref="TryTakeQueued"/>; with room for one record only (the file's last)
    /// it draws again until no reply is needed, so a reply is never cut off by the end of a file.
    /// </summary>
    public void Next(ref FlowSample s, long start, long room)
    {
        var replyFits = room > 1;
        while (true)
        {
            s = FlowSample.Empty(start);
            _hasReply = false;
            _unanswered = false;
            _fromClient = true;
            if (!(_plantFindings && FindingTable.TryPlant(this, ref s))) DrawOrdinary(ref s);
            if (_plantFindings && SilentInterface.Silences(_targets.Diagnose, in s)) continue;
            if (!_hasReply && !_unanswered && s.Status == LogStatus.Ok && !s.Reject)
            {
                Answer(in s);
                if (_plantFindings) NaclAsymmetry.BlockReply(this, ref s, ref _reply);
            }
            if (!_hasReply || replyFits) return;
        }
    }

    /// <summary>Ordinary traffic: rolls once in 10,000 and draws the scenario whose share the roll falls in.</summary>
    private void DrawOrdinary(ref FlowSample s)
    {
        var roll = _rng.Next(10_000);
        foreach (var scenario in Scenarios)
        {
            if (roll < scenario.Weight)
            {
                scenario.Draw(this, ref s);
                return;
            }
            roll -= scenario.Weight;
        }
        EastWest(ref s); // not reached while the shares sum to 10,000
    }
}
