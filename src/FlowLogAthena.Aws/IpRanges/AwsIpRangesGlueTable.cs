using System.Globalization;
using System.IO.Compression;
using System.Text;
using Amazon.S3;
using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Aws.IpRanges;

/// <summary>
/// AWS's address ranges as a Glue table beside the flow log table (<c>ranges publish</c>), for Athena's
/// <c>aws_ranges_lookup</c>: the rows the local engine loads (<see cref="AwsIpRangeRows"/>) as one gzip TSV in a folder of
/// its own per publication (<c>LOCATION/sync-TOKEN/</c>), then the table pointed at that folder, then older folders
/// deleted, so a query sees one whole publication or the other, never a mix. A rerun of the same publication changes
/// nothing. The table is marked as ours; a table of that name over something else is refused.
/// </summary>
public sealed class AwsIpRangesGlueTable(IGlueApi glue, IAmazonS3 s3, S3WriteOptions write)
{
    public const string DefaultName = "aws_ip_ranges";

    /// <summary>The table parameter naming the publication it holds; also what marks the table as this tool's.</summary>
    public const string SyncTokenParameter = "flowlog_athena.ip_ranges_sync_token";

    private const string FileName = "aws-ip-ranges.tsv.gz";

    public sealed record Result(bool Changed, string Location, int Rows);

    public async Task<Result> PublishAsync(AwsIpRanges ranges, string database, string table, S3Uri location, CancellationToken cancellationToken)
    {
        var existing = await GlueCatalog.GetTableOrNullAsync(glue, database, table, cancellationToken).ConfigureAwait(false);
        var root = location.PrefixWithSlash;
        if (existing is not null)
        {
            var current = existing.StorageDescriptor?.Location ?? "";
            if (existing.Parameters?.ContainsKey(SyncTokenParameter) != true || !current.StartsWith($"s3://{location.Bucket}/{root}", StringComparison.Ordinal))
                throw new UsageException(
                    $"Glue table {database}.{table} exists over {current}, and is not address ranges published under s3://{location.Bucket}/{root}; name another --table or --location.");
            if (existing.Parameters[SyncTokenParameter] == ranges.SyncToken.ToString(CultureInfo.InvariantCulture))
                return new Result(false, current, 0);
        }

        var folder = new S3Uri(location.Bucket, $"{root}sync-{ranges.SyncToken.ToString(CultureInfo.InvariantCulture)}/");
        var rows = await UploadAsync(ranges, folder, cancellationToken).ConfigureAwait(false);
        var input = TableInput(table, folder, ranges);
        try
        {
            if (existing is null)
            {
                await GlueCatalog.EnsureDatabaseAsync(glue, database, cancellationToken).ConfigureAwait(false);
                await glue.CreateTableAsync(new CreateTableRequest { DatabaseName = database, TableInput = input }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Optimistic concurrency: Glue refuses the update if another publish changed the table since we read it.
                await glue.UpdateTableAsync(new UpdateTableRequest { DatabaseName = database, TableInput = input, VersionId = existing.VersionId }, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch
        {
            // The table still reads the previous folder: the new one is nobody's.
            await new S3Deleter(s3, write.ExpectedBucketOwner).DeleteBelowAsync(folder, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await DeleteOtherPublicationsAsync(location, folder, cancellationToken).ConfigureAwait(false);
        return new Result(true, folder.ToString(), rows);
    }

    /// <summary>The table's quoted reference when it exists and holds address ranges this tool published; null otherwise.</summary>
    public static async Task<string?> FindAsync(IGlueApi glue, string database, string table, CancellationToken cancellationToken)
    {
        var existing = await GlueCatalog.GetTableOrNullAsync(glue, database, table, cancellationToken).ConfigureAwait(false);
        return existing?.Parameters?.ContainsKey(SyncTokenParameter) == true ? $"\"{database}\".\"{table}\"" : null;
    }

    /// <summary>The rows as tab-separated text (no value holds a tab: codes, prefixes and hex), gzip, one object.</summary>
    private async Task<int> UploadAsync(AwsIpRanges ranges, S3Uri folder, CancellationToken cancellationToken)
    {
        using var staging = StagingFolder.Create("ip-ranges");
        var path = Path.Combine(staging.Path, FileName);
        var count = 0;
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            foreach (var row in AwsIpRangeRows.Of(AwsAddressIndex.Build(ranges)))
            {
                var m = row.Match;
                await writer.WriteLineAsync(string.Join('\t', row.Bucket, row.FirstHex, row.LastHex, m.Service, m.Services, m.Region, m.NetworkBorderGroup, m.Prefix))
                    .ConfigureAwait(false);
                count++;
            }
        }
        await new S3Uploader(s3, write).UploadAsync(path, new S3Uri(folder.Bucket, folder.Key + FileName), "application/gzip", cancellationToken).ConfigureAwait(false);
        return count;
    }

    private async Task DeleteOtherPublicationsAsync(S3Uri location, S3Uri keep, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var obj in new S3LogFileLister(s3, write.ExpectedBucketOwner).ObjectsBelowAsync(location, cancellationToken).ConfigureAwait(false))
            if (obj.Key.StartsWith(location.PrefixWithSlash + "sync-", StringComparison.Ordinal) && !obj.Key.StartsWith(keep.Key, StringComparison.Ordinal))
                keys.Add(obj.Key);
        if (keys.Count > 0) await new S3Deleter(s3, write.ExpectedBucketOwner).DeleteAsync(location.Bucket, keys, cancellationToken).ConfigureAwait(false);
    }

    private static TableInput TableInput(string table, S3Uri folder, AwsIpRanges ranges) => new()
    {
        Name = table,
        Description = $"AWS's published IP address ranges (ip-ranges.json of {ranges.CreateDate}) as lookup intervals; written by flowlog-athena ranges publish.",
        TableType = "EXTERNAL_TABLE",
        Parameters = new Dictionary<string, string>
        {
            ["classification"] = "csv",
            ["EXTERNAL"] = "TRUE",
            [SyncTokenParameter] = ranges.SyncToken.ToString(CultureInfo.InvariantCulture),
            ["flowlog_athena.ip_ranges_create_date"] = ranges.CreateDate,
        },
        StorageDescriptor = new StorageDescriptor
        {
            Columns = [.. AwsIpRangeRows.Columns.Select(c => new Column { Name = c, Type = "string" })],
            Location = folder.ToString(),
            InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
            OutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            SerdeInfo = new SerDeInfo
            {
                SerializationLibrary = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                Parameters = new Dictionary<string, string> { ["field.delim"] = "\t", ["serialization.format"] = "\t" },
            },
        },
    };
}
