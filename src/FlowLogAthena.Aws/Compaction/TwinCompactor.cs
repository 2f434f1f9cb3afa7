using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.Compaction;

/// <summary>
/// Fills the Parquet twin day by day. Per day: list the text objects; if the day's marker names the same objects
/// the day is up to date; otherwise the writer stages the day's Parquet outside the twin, each partition's files are
/// published to their fixed names (one PutObject or server-side copy each: an object is replaced whole, and a rerun
/// overwrites rather than adds), files of those partitions this run did not write are deleted, and the marker is
/// written last. A day without text objects (expired, say) is left as the twin has it. A day stopped on the way has
/// no new marker, so the next run compacts it again; staging is removed whatever happens, and a day that fails
/// publishes nothing.
/// </summary>
public sealed class TwinCompactor(IAmazonS3 s3, S3WriteOptions write, ITwinDayWriter writer, TimeProvider? clock = null, Action<string>? note = null)
{
    private const string ParquetContentType = "application/vnd.apache.parquet";

    /// <summary>A staging prefix older than this is a dead run's.</summary>
    private static readonly TimeSpan StaleStaging = TimeSpan.FromDays(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly S3LogFileLister _lister = new(s3, write.ExpectedBucketOwner);
    private readonly S3Deleter _deleter = new(s3, write.ExpectedBucketOwner);

    /// <param name="force">Compact days whose marker says they are up to date, too.</param>
    public async Task<IReadOnlyList<TwinDayOutcome>> CompactAsync(FlowLogSource text, FlowLogSource twin, TimeWindow window, bool force, CancellationToken cancellationToken)
    {
        var root = S3Uri.Parse(twin.Root, "--twin");
        var now = _clock.GetUtcNow();
        var runId = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await RemoveDeadStagingAsync(root, now, cancellationToken).ConfigureAwait(false);

        var outcomes = new List<TwinDayOutcome>();
        foreach (var day in TwinLayout.DaysOf(window))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = await _lister.ListAsync(text, TwinLayout.DayWindow(day), cancellationToken).ConfigureAwait(false);
            var fingerprint = TwinDayMarker.FingerprintOf(text.Format, files);
            var marker = await ReadMarkerAsync(root, day, cancellationToken).ConfigureAwait(false);
            var (objects, bytes) = (files.Count, files.Sum(f => f.SizeBytes));
            if (!force && marker is not null && marker.Fingerprint == fingerprint)
            {
                outcomes.Add(new TwinDayOutcome(day, TwinDayState.UpToDate, objects, bytes, marker.Objects.Count, marker.Objects.Sum(o => o.Bytes)));
                note?.Invoke($"{Day(day)}: up to date ({marker.Objects.Count} Parquet objects from {objects} text objects)");
                continue;
            }

            if (files.Count == 0)
            {
                // Text logs usually expire (a lifecycle rule) long before their twin: a day without text keeps its twin.
                outcomes.Add(new TwinDayOutcome(day, TwinDayState.Empty, 0, 0, marker?.Objects.Count ?? 0, marker?.Objects.Sum(o => o.Bytes) ?? 0));
                note?.Invoke($"{Day(day)}: no text objects; what the twin holds for the day, if anything, is kept");
                continue;
            }

            var staged = await writer.WriteAsync(new TwinDayRequest(text, twin, day, runId), files, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<TwinObject> published;
            await using (staged.ConfigureAwait(false))
            {
                published = await PublishAsync(root, twin.Layout, staged, cancellationToken).ConfigureAwait(false);
                await RemoveStaleAsync(root, twin, day, staged.Partitions, published, cancellationToken).ConfigureAwait(false);
            }
            await WriteMarkerAsync(root, new TwinDayMarker
            {
                Day = Day(day),
                Source = text.Root,
                Format = text.Format.FormatString,
                Fingerprint = fingerprint,
                SourceObjects = objects,
                SourceBytes = bytes,
                Engine = writer.Engine,
                CompactedAt = _clock.GetUtcNow(),
                Objects = published,
            }, cancellationToken).ConfigureAwait(false);
            outcomes.Add(new TwinDayOutcome(day, TwinDayState.Compacted, objects, bytes, published.Count, published.Sum(o => o.Bytes)));
            note?.Invoke($"{Day(day)}: {objects} text objects ({ByteSize.Format(bytes)}) → {published.Count} Parquet objects ({ByteSize.Format(published.Sum(o => o.Bytes))}) by {writer.Engine}");
        }
        return outcomes;
    }

    private async Task<IReadOnlyList<TwinObject>> PublishAsync(S3Uri root, SourceLayout twinLayout, StagedTwinDay staged, CancellationToken cancellationToken)
    {
        var uploader = new S3Uploader(s3, write);
        var published = new List<TwinObject>();
        foreach (var partition in staged.Partitions)
            for (var index = 0; index < partition.Files.Count; index++)
            {
                var file = partition.Files[index];
                var key = TwinLayout.ObjectKey(twinLayout, partition.Account, partition.Region, partition.PartitionStartUtc, index);
                var target = root.Child(key);
                if (S3Uri.IsS3(file.Location)) await uploader.CopyAsync(S3Uri.Parse(file.Location), target, cancellationToken).ConfigureAwait(false);
                else await uploader.UploadAsync(file.Location, target, ParquetContentType, cancellationToken).ConfigureAwait(false);
                published.Add(new TwinObject(key, file.Bytes));
            }
        return published;
    }

    /// <summary>
    /// Files of the partitions just published that this run did not write (Athena wrote fewer files this time).
    /// Partitions this run did not publish are left alone: their text may be gone while the twin is the copy kept.
    /// </summary>
    private async Task RemoveStaleAsync(S3Uri root, FlowLogSource twin, DateOnly day, IReadOnlyList<StagedTwinPartition> partitions,
        IReadOnlyList<TwinObject> published, CancellationToken cancellationToken)
    {
        var republished = partitions.Select(p => root.Child(PartitionPaths.PartitionPrefix(twin.Layout, p.Account, p.Region, p.PartitionStartUtc) + "/").ToString())
            .ToHashSet(StringComparer.Ordinal);
        var keep = published.Select(o => root.Child(o.Key).ToString()).ToHashSet(StringComparer.Ordinal);
        var stale = (await _lister.ListAsync(twin, TwinLayout.DayWindow(day), cancellationToken).ConfigureAwait(false))
            .Where(f => !keep.Contains(f.Path) && republished.Contains(f.Path[..(f.Path.LastIndexOf('/') + 1)]))
            .Select(f => S3Uri.Parse(f.Path).Key)
            .ToList();
        if (stale.Count > 0) await _deleter.DeleteAsync(root.Bucket, stale, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TwinDayMarker?> ReadMarkerAsync(S3Uri root, DateOnly day, CancellationToken cancellationToken)
    {
        var uri = root.Child(TwinLayout.MarkerKey(day));
        string json;
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = uri.Bucket,
                Key = uri.Key,
                ExpectedBucketOwner = write.ExpectedBucketOwner,
            }, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream);
            json = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken))
        {
            throw S3Failures.Translate(e, $"Cannot read the day marker {uri}", (m, inner) => new SourceException(m, inner));
        }
        try
        {
            return ManifestFile.FromJson<TwinDayMarker>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            note?.Invoke($"{Day(day)}: the day marker {uri} is not one this tool wrote; the day is compacted again");
            return null;
        }
    }

    private Task WriteMarkerAsync(S3Uri root, TwinDayMarker marker, CancellationToken cancellationToken)
    {
        var target = root.Child(TwinLayout.MarkerKey(DateOnly.ParseExact(marker.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return ManifestFile.PublishAsync(marker, (file, token) => new S3Uploader(s3, write).UploadAsync(file, target, ManifestFile.ContentType, token), cancellationToken);
    }

    /// <summary>Staging left by a run that was killed (a live run removes its own); run ids start with their UTC start.</summary>
    private async Task RemoveDeadStagingAsync(S3Uri root, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staging = root.Child(TwinLayout.ControlFolder + "/staging");
        foreach (var folder in await _lister.FoldersBelowAsync(staging, cancellationToken).ConfigureAwait(false))
        {
            var runId = folder.TrimEnd('/')[(folder.TrimEnd('/').LastIndexOf('/') + 1)..];
            if (runId.Length >= 16 && DateTime.TryParseExact(runId[..16], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var started)
                && now - started > StaleStaging)
                await _deleter.DeleteBelowAsync(staging with { Key = folder }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
