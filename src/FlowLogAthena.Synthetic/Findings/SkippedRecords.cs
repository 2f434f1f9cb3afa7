using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// An interface whose flow log keeps skipping. AWS writes a SKIPDATA record when it drops an aggregation interval's
/// records for an internal capacity constraint or error; here one busy NAT gateway does so again and again, so its
/// traffic totals are undercounted.
/// </summary>
internal static class SkippedRecords
{
    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        s.Status = LogStatus.SkipData;
        s.Interface = f.Targets.Diagnose.Skipping;
        s.End = s.Start + f.Rng.Next(50, 61);
    }
}
