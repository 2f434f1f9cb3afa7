namespace FlowLogAthena.Synthetic.Sampling;

/// <summary>
/// Planted: a silent interface. A busy workload stops two thirds into the generated window (its instance was
/// stopped, or its logging broke): from then on no record has it as the logging interface or the next hop, not
/// even NODATA. Records drawn for it are drawn again, so the record count stays what was asked for. Unlike the
/// other findings this removes records rather than adding some, so it has no weight in the findings table.
/// </summary>
internal sealed partial class FlowSampler
{
    private bool Silenced(in FlowSample s) =>
        s.Start >= _diagnose.SilentFromUnixSeconds && (s.Interface == _diagnose.Silent || s.NextHop == _diagnose.Silent);
}
