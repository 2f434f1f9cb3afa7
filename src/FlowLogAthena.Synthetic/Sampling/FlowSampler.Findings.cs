namespace FlowLogAthena.Synthetic.Sampling;

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
        PublicDatabase,
        S3OverNat,
        SshFromInternet,
        TelnetFromInternet,
        UnapprovedEgress,
        ForbiddenNetwork,
        UnencryptedDatabase,
        BpaEgressAttempt,
        EncryptionControlsReject,
        NaclAsymmetry,
        OneWay,
        SkipData,
        CrossAzReplication,
        NatHeavyDownloader,
        BackupBurst,
    }

    /// <summary>Share of each finding in 1/10,000 of all records; what is left over is ordinary traffic.</summary>
    private static readonly (Finding Finding, int Weight)[] FindingWeights =
    [
        (Finding.PublicDatabase, 20),
        (Finding.S3OverNat, 20),
        (Finding.SshFromInternet, 10),
        (Finding.TelnetFromInternet, 10),
        (Finding.UnapprovedEgress, 10),
        (Finding.ForbiddenNetwork, 10),
        (Finding.UnencryptedDatabase, 10),
        (Finding.BpaEgressAttempt, 10),
        (Finding.EncryptionControlsReject, 10),
        (Finding.NaclAsymmetry, 10),
        (Finding.OneWay, 10),
        (Finding.SkipData, 20),
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
                case Finding.PublicDatabase: PublicDatabase(ref s); return true;
                case Finding.S3OverNat: S3OverNat(ref s); return true;
                case Finding.SshFromInternet: SshFromInternet(ref s); return true;
                case Finding.TelnetFromInternet: TelnetFromInternet(ref s); return true;
                case Finding.UnapprovedEgress: UnapprovedEgress(ref s); return true;
                case Finding.ForbiddenNetwork: ForbiddenNetwork(ref s); return true;
                case Finding.UnencryptedDatabase: UnencryptedDatabase(ref s); return true;
                case Finding.BpaEgressAttempt: BpaEgressAttempt(ref s); return true;
                case Finding.EncryptionControlsReject: EncryptionControlsReject(ref s); return true;
                case Finding.NaclAsymmetry: NaclAsymmetry(ref s); return true;
                case Finding.OneWay: OneWay(ref s); return true;
                case Finding.SkipData: SkipData(ref s); return true;
                case Finding.CrossAzReplication: CrossAzReplication(ref s); return true;
                case Finding.NatHeavyDownloader: NatHeavyDownloader(ref s); return true;
                case Finding.BackupBurst: return BackupBurst(ref s);
                default: return false;
            }
        }
        return false;
    }
}
