using Amazon.S3;
using FlowLogAthena.Aws.Estimates;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using Parquet;

namespace FlowLogAthena.Aws.Discovery;

/// <summary>
/// The format one delivered file shows, read as cheaply as it can be: a text file's header line (the first gzip
/// block; one ranged GET of 64 KiB on S3), or a Parquet file's schema (its footer; ranged GETs of the tail on S3).
/// Local paths and s3:// URIs alike.
/// </summary>
public sealed class SampleFormatReader(IAmazonS3? s3, string? expectedBucketOwner = null)
{
    /// <summary>The format the file names; null when its header or schema names something that is no flow log field.</summary>
    /// <exception cref="SourceException">The file cannot be read, or is not gzip or Parquet.</exception>
    public async Task<FlowLogFormat?> ReadAsync(StoredFile file, LogFileFormat fileFormat, CancellationToken cancellationToken)
    {
        var names = fileFormat == LogFileFormat.Text
            ? await HeaderAsync(file, cancellationToken).ConfigureAwait(false)
            : await ParquetColumnsAsync(file, cancellationToken).ConfigureAwait(false);
        return names is null ? null : TextLogHeader.FormatOf(names);
    }

    /// <summary>The format the first of a window's files names; null when there is none, or it names no flow log format.</summary>
    public async Task<FlowLogFormat?> ReadFirstAsync(IReadOnlyList<LogFile> files, LogFileFormat fileFormat, CancellationToken cancellationToken) =>
        files.Count == 0 ? null
            : await ReadAsync(new StoredFile(files[0].Path, files[0].SizeBytes, files[0].Version), fileFormat, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<string>?> HeaderAsync(StoredFile file, CancellationToken cancellationToken)
    {
        if (!S3Uri.IsS3(file.Location)) return await TextLogHeader.ReadAsync(file.Location, cancellationToken).ConfigureAwait(false);
        var log = new LogFile(file.Location, "", "", default, file.SizeBytes, file.Version);
        return await new S3HeaderCheck(S3Client(), expectedBucketOwner).HeaderAsync(log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Parquet schema's top-level columns as field names (<c>pkt_srcaddr</c> → <c>pkt-srcaddr</c>).</summary>
    private async Task<IReadOnlyList<string>> ParquetColumnsAsync(StoredFile file, CancellationToken cancellationToken)
    {
        Stream stream = S3Uri.IsS3(file.Location)
            ? new RangedObjectStream(S3Client(), S3Uri.Parse(file.Location), file.SizeBytes, expectedBucketOwner)
            : File.OpenRead(file.Location);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                // A twin's or a store's files may carry partition columns; they are no flow log field.
                return [.. reader.Schema.DataFields.Select(f => f.Name).Where(name => !PartitionColumns.IsPartitionColumn(name))
                    .Select(name => name.Replace('_', '-').ToLowerInvariant())];
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
            {
                throw new SourceException($"Parquet flow log file '{file.Location}' has no readable schema ({e.Message}).", e);
            }
        }
    }

    private IAmazonS3 S3Client() => s3 ?? throw new InvalidOperationException("An S3 object needs an S3 client.");
}
