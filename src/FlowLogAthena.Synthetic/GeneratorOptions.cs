using System.Text.RegularExpressions;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Synthetic;

/// <summary>What <see cref="FlowLogGenerator"/> writes: where, in which format and layout, for whom, and how much.</summary>
public sealed partial class GeneratorOptions
{
    /// <summary>The default window: one whole UTC day, fixed so that a seed alone decides the output.</summary>
    public static TimeWindow DefaultWindow { get; } = TimeWindow.Days(new DateOnly(2026, 11, 2), 1);

    /// <summary>Folder that receives <c>AWSLogs/…</c>, as a bucket or bucket prefix would.</summary>
    public required string Root { get; init; }

    public FlowLogFormat Format { get; init; } = FlowLogFormat.Default;

    public SourceLayout Layout { get; init; } = SourceLayout.DefaultLayout;

    /// <summary>Every record's <c>start</c> lies inside this window.</summary>
    public TimeWindow Window { get; init; } = DefaultWindow;

    /// <summary>12-digit account ids; the first default has a leading zero, which must survive every reader.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = ["012345678901", "123456789012"];

    public IReadOnlyList<string> Regions { get; init; } = ["us-east-1", "eu-west-1"];

    /// <summary>Total records, split evenly over account × region and by duration over the partitions.</summary>
    public long Records { get; init; } = 100_000;

    /// <summary>Files per partition; each covers an equal time slice of it, like AWS's 5- or 10-minute deliveries.</summary>
    public int FilesPerPartition { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Mixes in the planted findings (a NACL asymmetry, S3 over a NAT path, a silent interface, compliance
    /// violations, …) that every query pack has to find. Off gives clean data that passes the compliance controls.
    /// </summary>
    public bool PlantFindings { get; init; } = true;

    /// <summary>Files written at once; null for one per processor. The output does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>An upper bound that keeps every slice computation inside 64-bit arithmetic.</summary>
    public const long MaxRecords = 1_000_000_000_000;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Root)) throw new GeneratorOptionsException("The generator needs a root folder to write AWSLogs/ into.");
        ArgumentNullException.ThrowIfNull(Format);
        ArgumentNullException.ThrowIfNull(Layout);
        ArgumentNullException.ThrowIfNull(Window);
        if (Records is < 0 or > MaxRecords)
            throw new GeneratorOptionsException($"Records must be between 0 and {MaxRecords:N0}; got {Records:N0}.");
        if (FilesPerPartition < 1)
            throw new GeneratorOptionsException($"FilesPerPartition must be at least 1; got {FilesPerPartition}.");
        if (MaxDegreeOfParallelism is < 1)
            throw new GeneratorOptionsException($"MaxDegreeOfParallelism must be at least 1 when given; got {MaxDegreeOfParallelism}.");
        Check(Accounts, "account", AccountPattern(), "a 12-digit AWS account id such as 012345678901");
        Check(Regions, "region", RegionPattern(), "an AWS region name such as us-east-1");
    }

    private static void Check(IReadOnlyList<string> values, string what, Regex pattern, string expected)
    {
        if (values is null || values.Count == 0) throw new GeneratorOptionsException($"Give at least one {what}.");
        foreach (var value in values)
            if (value is null || !pattern.IsMatch(value))
                throw new GeneratorOptionsException($"'{value}' is not {expected}.");
        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new GeneratorOptionsException($"The {what} '{duplicate.Key}' is listed twice.");
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();
}
