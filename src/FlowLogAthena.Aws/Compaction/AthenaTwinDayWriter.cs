using System.Globalization;
using Amazon.S3;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.Compaction;

/// <summary>
/// Compaction by Athena: one <c>UNLOAD</c> of the day's partitions from the text table into a private staging prefix
/// (more when the day has more partitions than one UNLOAD may write). UNLOAD, not INSERT INTO: it writes only below a
/// location we name and that must be empty, so nothing reaches the twin until the compactor publishes it, while an
/// INSERT INTO writes straight into the table's partitions and leaves what it wrote there when it fails. The
/// statement runs like any query (stopped when cancelled or timed out); the staging prefix is deleted on every path.
/// </summary>
public sealed class AthenaTwinDayWriter(AthenaEngine athena, IAmazonS3 s3, string? expectedBucketOwner) : ITwinDayWriter
{
    public string Engine => "athena";

    public async Task<StagedTwinDay> WriteAsync(TwinDayRequest day, IReadOnlyList<LogFile> textFiles, CancellationToken cancellationToken)
    {
        var staging = S3Uri.Parse(day.Twin.Root, "--twin").Child(TwinLayout.StagingPrefix(day.RunId, day.Day));
        var deleter = new S3Deleter(s3, expectedBucketOwner);
        async ValueTask CleanUp() => await deleter.DeleteBelowAsync(staging, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var chunks = Chunks(textFiles);
            for (var i = 0; i < chunks.Count; i++)
            {
                var target = staging.Child($"{i}/");
                var sql = TwinUnloadSql.For(day.Text, athena.TableReference, day.Day, target.ToString(), chunks.Count > 1 ? chunks[i] : null);
                await athena.RunStatementAsync(sql, cancellationToken).ConfigureAwait(false);
            }
            var partitions = await StagedPartitionsAsync(staging, day, cancellationToken).ConfigureAwait(false);
            // Publishing nothing would then delete the day's twin: never take an empty answer for an empty day.
            if (partitions.Count == 0)
                throw new QueryExecutionException(
                    $"Athena's UNLOAD of {day.Day:yyyy-MM-dd} from {athena.TableReference} succeeded but wrote nothing below {staging}, although the day has "
                    + $"{textFiles.Count} text objects; nothing was published. Check that the table's location and projection reach those objects.");
            return new StagedTwinDay(partitions, CleanUp);
        }
        catch
        {
            await CleanUp().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Account/region pairs grouped so that no UNLOAD writes more partitions than Athena allows.</summary>
    private static List<IReadOnlyList<(string Account, string Region)>> Chunks(IReadOnlyList<LogFile> textFiles)
    {
        var chunks = new List<IReadOnlyList<(string, string)>>();
        var current = new List<(string, string)>();
        var partitions = 0;
        foreach (var pair in textFiles.GroupBy(f => (f.Account, f.Region)).OrderBy(g => g.Key))
        {
            var count = pair.Select(f => f.PartitionStartUtc).Distinct().Count();
            if (partitions + count > TwinUnloadSql.MaxPartitions && current.Count > 0)
            {
                chunks.Add(current);
                (current, partitions) = ([], 0);
            }
            current.Add(pair.Key);
            partitions += count;
        }
        if (current.Count > 0) chunks.Add(current);
        return chunks;
    }

    /// <summary>Reads the staged files back by their <c>key=value/</c> folders, in key order within each partition.</summary>
    private async Task<IReadOnlyList<StagedTwinPartition>> StagedPartitionsAsync(S3Uri staging, TwinDayRequest day, CancellationToken cancellationToken)
    {
        var partitions = new SortedDictionary<(string Account, string Region, DateTime Start), List<StagedTwinFile>>();
        await foreach (var obj in new S3LogFileLister(s3, expectedBucketOwner).ObjectsBelowAsync(staging, cancellationToken).ConfigureAwait(false))
        {
            var relative = obj.Key[staging.PrefixWithSlash.Length..].Split('/');
            var values = relative.Where(part => part.Contains('=', StringComparison.Ordinal))
                .Select(part => part.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1]), StringComparer.Ordinal);
            if (!values.TryGetValue(PartitionColumns.Account, out var account) || !values.TryGetValue(PartitionColumns.Region, out var region))
                throw new SourceException($"Athena's UNLOAD wrote {S3Uri.Scheme}{staging.Bucket}/{obj.Key}, outside the account and region folders it was asked for.");
            var start = day.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (day.Text.Layout.Partitioning == Partitioning.Hourly)
            {
                if (!values.TryGetValue(PartitionColumns.Hour, out var hour) || !int.TryParse(hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23)
                    throw new SourceException($"Athena's UNLOAD wrote {S3Uri.Scheme}{staging.Bucket}/{obj.Key} without an hour folder (00–23).");
                start = start.AddHours(h);
            }
            var key = (account, region, start);
            if (!partitions.TryGetValue(key, out var files)) partitions[key] = files = [];
            files.Add(new StagedTwinFile($"{S3Uri.Scheme}{staging.Bucket}/{obj.Key}", obj.Size ?? 0));
        }
        return partitions.Select(p => new StagedTwinPartition(p.Key.Account, p.Key.Region, p.Key.Start,
            p.Value.OrderBy(f => f.Location, StringComparer.Ordinal).ToList())).ToList();
    }
}
