using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>Fills <paramref name="sample"/> with one record of a finding, from the sampler's network and random stream.</summary>
internal delegate void PlantFinding(FlowSampler sampler, ref FlowSample sample);

/// <summary>One row of <see cref="FindingTable"/>.</summary>
/// <param name="Name">The finding, as its class is named.</param>
/// <param name="Weight">Its share of all records, in 1/10,000.</param>
/// <param name="Plant">Writes one of its records.</param>
/// <param name="DrawnAt">
/// When set, the finding is planted only in a record whose start (Unix seconds) it accepts; a roll that picks it at
/// any other time gives ordinary traffic, so its weight applies at those times alone.
/// </param>
internal sealed record Finding(string Name, int Weight, PlantFinding Plant, Func<long, bool>? DrawnAt = null);

/// <summary>
/// Planted findings: rare records that break a rule on purpose, so each query pack has something real to find.
/// They are drawn only when <see cref="GeneratorOptions.PlantFindings"/> is on; with it off the data is clean and
/// the compliance controls pass. Adding one is a class with its <c>Plant</c> method and a row here. Two findings
/// act on other records instead of adding their own, so they have no row: <see cref="SilentInterface"/> drops
/// records and <see cref="NaclAsymmetry.BlockReply"/> rejects replies.
/// </summary>
internal static class FindingTable
{
    /// <summary>The findings in the order a roll walks them (the order is part of the output: keep it).</summary>
    public static readonly Finding[] Rows =
    [
        new(nameof(PublicDatabase), 20, PublicDatabase.Plant),
        new(nameof(S3OverNat), 20, S3OverNat.Plant),
        new(nameof(SshFromInternet), 10, SshFromInternet.Plant),
        new(nameof(TelnetFromInternet), 10, TelnetFromInternet.Plant),
        new(nameof(UnapprovedEgress), 10, UnapprovedEgress.Plant),
        new(nameof(ForbiddenNetwork), 10, ForbiddenNetwork.Plant),
        new(nameof(UnencryptedDatabase), 10, UnencryptedDatabase.Plant),
        new(nameof(BpaEgressAttempt), 10, BpaEgressAttempt.Plant),
        new(nameof(EncryptionControlsReject), 10, EncryptionControlsReject.Plant),
        new(nameof(NaclAsymmetry), 10, NaclAsymmetry.Plant),
        new(nameof(OneWayFlows), 10, OneWayFlows.Plant),
        new(nameof(SkippedRecords), 20, SkippedRecords.Plant),
        new(nameof(CrossAzReplication), 20, CrossAzReplication.Plant),
        new(nameof(NatHeavyDownloader), 15, NatHeavyDownloader.Plant),
        new(nameof(BackupBurst), 240, BackupBurst.Plant, BackupBurst.InBackupHour), // 10 per 10,000 of all records
    ];

    /// <summary>
    /// Rolls once in 10,000 and plants the finding whose share the roll falls in; false (nothing written) when the
    /// roll is past every share, the ordinary traffic's, or the finding is not drawn at the record's start.
    /// </summary>
    public static bool TryPlant(FlowSampler sampler, ref FlowSample s)
    {
        var roll = sampler.Rng.Next(10_000);
        foreach (var finding in Rows)
        {
            if (roll >= finding.Weight)
            {
                roll -= finding.Weight;
                continue;
            }
            if (finding.DrawnAt is { } drawnAt && !drawnAt(s.Start)) return false;
            finding.Plant(sampler, ref s);
            return true;
        }
        return false;
    }
}
