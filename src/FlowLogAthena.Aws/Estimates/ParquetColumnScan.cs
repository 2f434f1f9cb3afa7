using System.Buffers.Binary;
using Amazon.S3;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;
using Parquet;

namespace FlowLogAthena.Aws.Estimates;

/// <summary>
/// What Athena reads of Parquet objects for a query: each object's footer and, in every row group, the column chunks
/// of the columns the query reads — summed from the footers alone (in S3, one ranged GET of an object's last 64 KiB
/// in the usual case), never from the data.
/// </summary>
public sealed record ParquetColumnScan(int Files, long ParquetBytes, long FooterBytes, long ColumnBytes, int Requests, long BytesFetched)
{
    /// <summary>The column chunks the query needs and the footers Athena reads to find them.</summary>
    public long BytesToScan => ColumnBytes + FooterBytes;

    /// <summary>Reads the footers of <paramref name="files"/> (local paths or s3:// URIs) and sums <paramref name="columns"/>' chunks.</summary>
    public static async Task<ParquetColumnScan> ForAsync(IReadOnlyList<LogFile> files, IReadOnlyCollection<string> columns, IAmazonS3? s3, string? expectedBucketOwner, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        var results = new ObjectScan[files.Count];
        // Footers are small and far apart: a few in flight at once hide S3's latency.
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ScanAsync(files[i], wanted, s3, expectedBucketOwner, token).ConfigureAwait(false)).ConfigureAwait(false);
        return new ParquetColumnScan(files.Count, files.Sum(f => f.SizeBytes), results.Sum(r => r.Footer), results.Sum(r => r.Columns),
            results.Sum(r => r.Requests), results.Sum(r => r.Fetched));
    }

    private readonly record struct ObjectScan(long Footer, long Columns, int Requests, long Fetched);

    private static async Task<ObjectScan> ScanAsync(LogFile file, HashSet<string> wanted, IAmazonS3? s3, string? owner, CancellationToken cancellationToken)
    {
        Stream stream = S3Uri.IsS3(file.Path)
            ? new RangedObjectStream(s3 ?? throw new InvalidOperationException("An S3 object needs an S3 client."), S3Uri.Parse(file.Path), file.SizeBytes, owner)
            : File.OpenRead(file.Path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var footer = await FooterLengthAsync(stream, file, cancellationToken).ConfigureAwait(false);
                stream.Position = 0;
                await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                long columns = 0;
                foreach (var rowGroup in reader.Metadata?.RowGroups ?? [])
                    foreach (var chunk in rowGroup.Columns)
                        if (chunk.MetaData is { PathInSchema: [var name, ..] } meta && wanted.Contains(name))
                            columns += meta.TotalCompressedSize;
                var ranged = stream as RangedObjectStream;
                return new ObjectScan(footer, columns, ranged?.Requests ?? 0, ranged?.BytesFetched ?? 0);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
            {
                throw new SourceException($"Parquet flow log file '{file.Path}' has no readable footer ({e.Message}); was it written by AWS's flow log delivery or by compact?", e);
            }
        }
    }

    /// <summary>A Parquet file ends with its footer's length (4 bytes, little-endian) and "PAR1": the footer and those 8 bytes are what a reader fetches first.</summary>
    private static async Task<long> FooterLengthAsync(Stream stream, LogFile file, CancellationToken cancellationToken)
    {
        if (stream.Length < 12) throw new InvalidDataException($"{stream.Length} bytes is too short for Parquet");
        stream.Position = stream.Length - 8;
        var tail = new byte[8];
        await stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') throw new InvalidDataException("it does not end with PAR1");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        return length + 8L <= file.SizeBytes ? length + 8L : throw new InvalidDataException($"its footer claims {length} bytes of a {file.SizeBytes}-byte file");
    }
}
