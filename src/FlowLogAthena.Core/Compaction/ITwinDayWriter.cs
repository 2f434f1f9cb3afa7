using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Compaction;

/// <summary>
/// Writes one day of a text flow log as Parquet into a staging place of its own — Athena into a private S3 prefix,
/// the local engine into a local folder — never into the twin itself; publishing is the compactor's.
/// </summary>
public interface ITwinDayWriter
{
    /// <summary>athena or local, as the day marker records it.</summary>
    string Engine { get; }

    /// <summary>Writes the day's partitions; the staged files are removed when the result is disposed.</summary>
    /// <param name="textFiles">The day's text objects as listed (never empty).</param>
    Task<StagedTwinDay> WriteAsync(TwinDayRequest day, IReadOnlyList<LogFile> textFiles, CancellationToken cancellationToken);
}

/// <summary>One day to write: the text source, its twin and the run it belongs to (for a unique staging place).</summary>
public sealed record TwinDayRequest(FlowLogSource Text, FlowLogSource Twin, DateOnly Day, string RunId);

/// <summary>The Parquet files of one partition as staged, in a fixed order.</summary>
public sealed record StagedTwinPartition(string Account, string Region, DateTime PartitionStartUtc, IReadOnlyList<StagedTwinFile> Files);

/// <summary>One staged Parquet file: a local path or an <c>s3://</c> URI, and its size.</summary>
public sealed record StagedTwinFile(string Location, long Bytes);

/// <summary>A day's staged partitions; disposing removes the staging place, published or not.</summary>
public sealed class StagedTwinDay(IReadOnlyList<StagedTwinPartition> partitions, Func<ValueTask> cleanUp) : IAsyncDisposable
{
    public IReadOnlyList<StagedTwinPartition> Partitions { get; } = partitions;

    public ValueTask DisposeAsync() => cleanUp();
}
