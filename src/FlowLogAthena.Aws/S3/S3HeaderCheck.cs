using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Before Athena reads a text table, the header of one object of every flow log (the fl-… id in each file name) in
/// the window's partitions is compared with the table's format. Athena reads every object under a partition with
/// the table's column order, so an object of another flow log delivering to the same prefix — common — would give
/// silently wrong numbers; one ranged GET of 64 KiB per flow log, not per object, keeps the check cheap.
/// </summary>
public sealed class S3HeaderCheck(IAmazonS3 s3, string? expectedBucketOwner = null)
{
    private const int HeaderBytes = 65535;

    /// <exception cref="FlowLogFormatException">Names the object, its flow log, its header and the table's format.</exception>
    public async Task VerifyAsync(FlowLogSource source, string table, TimeWindow window, CancellationToken cancellationToken)
    {
        if (source.Layout.FileFormat != LogFileFormat.Text) return;
        var files = await new S3LogFileLister(s3, expectedBucketOwner).ListAsync(source, window, cancellationToken).ConfigureAwait(false);
        var samples = files.GroupBy(f => (f.Account, f.Region, f.FlowLogId ?? f.Path)).Select(g => g.First()).ToList();
        await Parallel.ForEachAsync(samples, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var header = await HeaderAsync(file, ct).ConfigureAwait(false);
            var named = header is null ? null : TextLogHeader.FormatOf(header);
            if (named is null)
                throw new SourceException($"'{file.Path}' does not start with AWS's header line of flow log fields, so it is not a delivered text flow log; Athena would read it as records of {table}. Move it out of the logs' prefix.");
            if (named.FormatString != source.Format.FormatString)
                throw new FlowLogFormatException(
                    $"'{file.Path}'{Note(file.Path)} has the header \"{string.Join(' ', header!)}\", but the table {table} reads the format \"{source.Format.FormatString}\". "
                    + "Athena would read that object's values under the table's column names: wrong numbers. Two flow logs deliver to this prefix; "
                    + "give each flow log its own table (provision --flow-log-id fl-… --table …, then run on that table) or its own destination prefix; "
                    + "`flowlog-athena discover --source` lists the flow logs there.");
        }).ConfigureAwait(false);
    }

    internal async Task<IReadOnlyList<string>?> HeaderAsync(LogFile file, CancellationToken cancellationToken)
    {
        var location = S3Uri.Parse(file.Path, "object");
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = location.Bucket,
                Key = location.Key,
                ByteRange = new ByteRange(0, HeaderBytes),
                ExpectedBucketOwner = expectedBucketOwner,
            }, cancellationToken).ConfigureAwait(false);
            return await TextLogHeader.ReadAsync(response.ResponseStream, file.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken) && e is not FlowLogAthenaException)
        {
            throw S3Failures.Translate(e, $"Cannot read the header of {file.Path}", (m, inner) => new SourceException(m, inner));
        }
    }

    private static string Note(string path) => PartitionPaths.FlowLogIdOf(path) is { } id ? $" (flow log {id})" : "";
}
