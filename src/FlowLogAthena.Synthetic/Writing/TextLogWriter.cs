using System.Buffers;
using System.IO.Compression;
using FlowLogAthena.Synthetic.Sampling;

namespace FlowLogAthena.Synthetic.Writing;

/// <summary>
/// Writes a text flow log: gzip (fastest level; .NET's zlib-ng), a header line of field names, then one
/// space-separated line per record. Lines are rendered straight into a pooled byte buffer that is handed to
/// gzip in large chunks: no string per field, no allocation per record.
/// </summary>
internal static class TextLogWriter
{
    private const int ChunkSize = 1 << 19;

    public static async Task WriteAsync(Stream destination, RecordStream records, RecordEncoder encoder, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
            encoder.Header.CopyTo(buffer, 0);
            var used = encoder.Header.Length;
            do
            {
                used = Fill(records, encoder, buffer, used);
                await gzip.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                used = 0;
            }
            while (records.Remaining > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends lines while one more surely fits; returns the bytes now in the buffer.</summary>
    private static int Fill(RecordStream records, RecordEncoder encoder, byte[] buffer, int used)
    {
        var span = buffer.AsSpan();
        var sample = FlowSample.Empty(0);
        while (span.Length - used >= RecordEncoder.MaxLineLength && records.TryNext(ref sample))
            used += encoder.WriteLine(in sample, records.Network, span[used..]);
        return used;
    }
}
