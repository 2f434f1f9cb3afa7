using Amazon.S3;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Local;

namespace FlowLogAthena.Cli.Compaction;

/// <summary>
/// Compaction by the local engine: the day's text objects are synced into the S3 cache, converted through the
/// columnar store (with its gzip and header checks) and written as one Parquet file per partition into a private
/// local staging folder, which the compactor uploads.
/// </summary>
internal sealed class LocalTwinDayWriter(IAmazonS3 s3, LocalEngineSettings settings, string? expectedBucketOwner, Action<string>? note) : ITwinDayWriter
{
    public string Engine => "local";

    public async Task<StagedTwinDay> WriteAsync(TwinDayRequest day, IReadOnlyList<LogFile> textFiles, CancellationToken cancellationToken)
    {
        var window = TwinLayout.DayWindow(day.Day);
        var synced = await new S3SourceCache(s3, settings.CacheFolder ?? S3SourceCache.DefaultRoot, expectedBucketOwner)
            .SyncAsync(day.Text, window, cancellationToken).ConfigureAwait(false);
        var staging = StagingFolder.Create("compact");
        try
        {
            await using var engine = new DuckDbEngine(settings.EngineOptions(materializeWindow: false, note), new LocalLogFileLister());
            var partitions = await engine.WriteTwinAsync(new BoundTable(engine, synced.LocalSource, window), day.Twin.Layout, staging.Path, cancellationToken).ConfigureAwait(false);
            return new StagedTwinDay(partitions, () =>
            {
                staging.Dispose();
                return ValueTask.CompletedTask;
            });
        }
        catch
        {
            staging.Dispose();
            throw;
        }
    }
}
