namespace FlowLogAthena.Core.Generation;

/// <summary>
/// Planted findings: rare records that break a rule on purpose, so each query pack has something real to find.
/// They are drawn only when <see cref="GeneratorOptions.PlantFindings"/> is on; with it off the data is clean and
/// the compliance controls pass. Each finding lives in its own <c>FlowSampler.Finding*.cs</c> file and is listed
/// in <see cref="FindingWeights"/> (except the silent interface, which removes records instead of adding them).
/// </summary>
internal sealed partial class FlowSampler
{
    private enum Finding
    {
        None,
        NaclAsymmetry,
        OneWay,
        SkipData,
    }

    /// <summary>Share of each finding in 1/10,000 of all records; what is left over is ordinary traffic.</summary>
    private static readonly (Finding Finding, int Weight)[] FindingWeights =
    [
        (Finding.NaclAsymmetry, 10),
        (Finding.OneWay, 10),
        (Finding.SkipData, 20),
    ];

    private bool TryPlantFinding(ref FlowSample s)
    {
        var roll = _rng.Next(10_000);
        foreach (var (finding, weight) in FindingWeights)
        {
            if (roll >= weight)
            {
                roll -= weight;
                continue;
            }
            switch (finding)
            {
                case Finding.NaclAsymmetry: NaclAsymmetry(ref s); return true;
                case Finding.OneWay: OneWay(ref s); return true;
                case Finding.SkipData: SkipData(ref s); return true;
                default: return false;
            }
        }
        return false;
    }
}
