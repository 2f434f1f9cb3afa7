using System.Security.Cryptography;
using System.Text;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Compaction;

/// <summary>
/// What compaction records of a day once its partitions are published (<see cref="TwinLayout.MarkerKey"/>): the text
/// objects it was made from and the objects it wrote. A rerun compares <see cref="Fingerprint"/> with the day's text
/// objects as they are now: equal means the day is up to date; a late delivery or a rewritten object means the day is
/// compacted again. A day without a marker (never compacted, or stopped before its marker) is compacted again.
/// </summary>
public sealed record TwinDayMarker
{
    public required string Day { get; init; }

    public required string Source { get; init; }

    public required string Format { get; init; }

    /// <summary><see cref="FingerprintOf"/> the day's text objects.</summary>
    public required string Fingerprint { get; init; }

    public required int SourceObjects { get; init; }

    public required long SourceBytes { get; init; }

    /// <summary>The engine that wrote the Parquet: athena or local.</summary>
    public required string Engine { get; init; }

    public required DateTimeOffset CompactedAt { get; init; }

    /// <summary>The twin objects written, as keys below the twin root.</summary>
    public required IReadOnlyList<TwinObject> Objects { get; init; }

    /// <summary>A digest of the objects' names, sizes and versions (ETags) and of the format: what makes a day's text what it is.</summary>
    public static string FingerprintOf(FlowLogFormat format, IEnumerable<LogFile> files)
    {
        var text = new StringBuilder(format.FormatString).Append('\n');
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            text.Append(file.Path).Append('\t').Append(file.SizeBytes).Append('\t').Append(file.Version).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>One published twin object: its key below the twin root and its size.</summary>
public sealed record TwinObject(string Key, long Bytes);
