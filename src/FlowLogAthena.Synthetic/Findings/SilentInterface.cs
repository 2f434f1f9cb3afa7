using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A silent interface. A busy workload stops two thirds into the generated window (its instance was stopped, or its
/// logging broke): from then on no record has it as the logging interface or the next hop, not even NODATA. Records
/// drawn for it are drawn again, so the record count stays what was asked for. Unlike the other findings this
/// removes records rather than adding some, so it has no row in <see cref="FindingTable"/>.
/// </summary>
internal static class SilentInterface
{
    public static bool Silences(DiagnoseTargets diagnose, in FlowSample s) =>
        s.Start >= diagnose.SilentFromUnixSeconds && (s.Interface == diagnose.Silent || s.NextHop == diagnose.Silent);
}
