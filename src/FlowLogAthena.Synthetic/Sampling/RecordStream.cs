using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// The records of one file, in order: <c>count</c> samples whose starts rise through the file's slice
/// [from, to) in Unix seconds. Deterministic for a given seed, however many files are generated at once.
/// </summary>
internal sealed class RecordStream
{
    private readonly IRecordSampler _sampler;
    private readonly long _from;
    private readonly long _length;
    private readonly long _count;
    private long _next;

    /// <param name="window">The whole generated window, which planted findings that depend on time refer to.</param>
    public RecordStream(NetworkTopology network, RemoteAddresses remote, ulong seed, long fromUnixSeconds, long toUnixSeconds, long count,
        bool plantFindings, TimeWindow window, FlowLogKind kind)
    {
        Network = network;
        _sampler = kind == FlowLogKind.TransitGateway
            ? new TransitSampler(network.Transit, seed)
            : new FlowSampler(network, remote, seed, plantFindings, window.FromUnixSeconds, window.ToUnixSecondsExclusive);
        _from = fromUnixSeconds;
        _length = toUnixSeconds - fromUnixSeconds;
        _count = count;
    }

    public NetworkTopology Network { get; }

    public long Remaining => _count - _next;

    public bool TryNext(ref FlowSample sample)
    {
        if (_next >= _count) return false;
        if (!_sampler.TryTakeQueued(ref sample))
        {
            // Record i starts in [from + i·len/count, from + (i+1)·len/count): inside the slice and non-decreasing,
            // like a delivered file, with random seconds so records don't line up on a grid. A reply takes the next
            // slot with its request's start. A draw never describes more records than the file has left.
            var start = _from + (((_next * _length) + _sampler.NextInt64(_length)) / _count);
            _sampler.Next(ref sample, start, room: _count - _next);
        }
        _next++;
        return true;
    }
}
