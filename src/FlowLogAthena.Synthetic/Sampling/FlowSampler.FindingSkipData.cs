namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Planted: an interface whose flow log keeps skipping. AWS writes a SKIPDATA record when it drops an
/// aggregation interval's records for an internal capacity constraint or error; here one busy NAT gateway does
/// so again and again, so its traffic totals are undercounted.
/// </summary>
internal sealed partial class FlowSampler
{
    private void SkipData(ref FlowSample s)
    {
        s.Status = LogStatus.SkipData;
        s.Interface = _diagnose.Skipping;
        s.End = s.Start + _rng.Next(50, 61);
    }
}
