using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Running;

/// <summary>
/// What a query over a window will read before it runs: the objects under the partitions it touches, and
/// Athena's price for scanning them ($5 per TB, at least 10 MB per query). Gzip text is read whole, so the
/// estimate is exact for text; Parquet lets Athena read only the needed columns, so it is an upper bound.
/// </summary>
public sealed record ScanEstimate(int Files, long Bytes, int Partitions, IReadOnlyList<(string Account, string Region)> AccountsAndRegions, bool IsUpperBound)
{
    /// <summary>Athena's price for scanning these bytes.</summary>
    public decimal CostUsd => AthenaCost.EstimateUsd(Bytes);

    public static async Task<ScanEstimate> ForAsync(ILogFileLister lister, FlowLogSource source, TimeWindow window, CancellationToken cancellationToken) =>
        Of(await lister.ListAsync(source, window, cancellationToken).ConfigureAwait(false), source);

    /// <summary>The estimate for objects already listed.</summary>
    public static ScanEstimate Of(IReadOnlyList<LogFile> files, FlowLogSource source) =>
        new(
            files.Count,
            files.Sum(f => f.SizeBytes),
            files.Select(f => (f.Account, f.Region, f.PartitionStartUtc)).Distinct().Count(),
            files.Select(f => (f.Account, f.Region)).Distinct().Order().ToArray(),
            source.Layout.FileFormat == LogFileFormat.Parquet);
}
