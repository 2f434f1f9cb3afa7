namespace FlowLogAthena.Core.Generation;

/// <summary>
/// Planted findings: rare records that break a rule on purpose, so each query pack has something real to find.
/// They are drawn only when <see cref="GeneratorOptions.PlantFindings"/> is on; with it off the data is clean and
/// the compliance controls pass. Each finding lives in its own <c>FlowSampler.Finding*.cs</c> file and is listed
/// in <see cref="FindingWeights"/>.
/// </summary>
internal sealed partial class FlowSampler
{
    private enum Finding
    {
        None,
        CrossAzReplication,
        NatHeavyDownloader,
        BackupBurst,
    }

    /// <summary>Share of each finding in 1/10,000 of all records; what is left over is ordinary traffic.</summary>
    private static readonly (Finding Finding, int Weight)[] FindingWeights =
    [
        (Finding.CrossAzReplication, 20),
        (Finding.NatHeavyDownloader, 15),
        (Finding.BackupBurst, 240), // drawn only in the backup hour: 10 per 10,000 of all records
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
                case Finding.CrossAzReplication: CrossAzReplication(ref s); return true;
                case Finding.NatHeavyDownloader: NatHeavyDownloader(ref s); return true;
                case Finding.BackupBurst: return BackupBurst(ref s);
                default: return false;
            }
        }
        return false;
    }
}
