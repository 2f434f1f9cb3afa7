namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// What a <see cref="RecordStream"/> draws its records from: a VPC flow log's sampler or a Transit Gateway flow
/// log's. A draw may describe several records (a request and its reply, a flow entering and leaving the gateway);
/// the ones after the first are handed out by <see cref="TryTakeQueued"/> before the next draw.
/// </summary>
internal interface IRecordSampler
{
    /// <summary>A number in [0, max): the stream spreads record starts over its slice with it.</summary>
    long NextInt64(long maxExclusive);

    /// <summary>The next record of the last draw, if it described more than one.</summary>
    bool TryTakeQueued(ref FlowSample sample);

    /// <summary>Draws records that start at <paramref name="start"/>, at most <paramref name="room"/> of them (the file's records left).</summary>
    void Next(ref FlowSample sample, long start, long room);
}
