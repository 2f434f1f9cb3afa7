using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// Reads a gzip text log's first line and, when asked, proves the rest of the gzip stream complete. Both DuckDB
/// and .NET read a truncated gzip silently as fewer records, so completeness is checked here: the text must end
/// with a newline, or the trailer's length (ISIZE) must match what was decompressed.
/// </summary>
internal static class GzipTextReader
{
    /// <summary>A header line is a few hundred bytes; a first line longer than this is not one.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The first line (null when the text is empty); the whole stream is decompressed when <paramref name="wholeFile"/>.</summary>
    public static async Task<string?> FirstLineAsync(Stream compressed, string name, bool wholeFile, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeaderBytes];
        long total = 0;
        var lastByte = -1;
        string? firstLine = null;
        try
        {
            var magic = new byte[2];
            var got = await compressed.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (got < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
                throw new SourceException($"Flow log file '{name}' is not gzip (it starts with {Hex(magic.AsSpan(0, got))}, not 1f 8b); a .log.gz flow log file is gzip-compressed text.");
            await using var gzip = new GZipStream(new PrefixedStream(magic, compressed), CompressionMode.Decompress, leaveOpen: true);
            var filled = await gzip.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            total = filled;
            if (filled > 0) lastByte = buffer[filled - 1];
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, filled);
            if (newline < 0 && filled == buffer.Length)
                throw new SourceException($"Flow log file '{name}': its first line is longer than {MaxHeaderBytes / 1024} KiB, so it is not AWS's header line of field names.");
            if (filled > 0) firstLine = Encoding.UTF8.GetString(buffer, 0, newline < 0 ? filled : newline).TrimEnd('\r');
            if (!wholeFile) return firstLine;

            // Synchronous on purpose: this pass is CPU-bound inflating, and async reads cost about a quarter more of it.
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                total += read;
                lastByte = buffer[read - 1];
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new SourceException($"Flow log file '{name}' is not a valid gzip file: {e.Message}", e);
        }

        if (total > 0 && lastByte != '\n' && !TrailerMatches(compressed, total))
            throw new SourceException(
                $"Flow log file '{name}' is truncated: its gzip data ends after {total} bytes of text, in the middle of a line, without the gzip trailer. "
                + "Records after the cut are missing; fetch the file again.");
        return firstLine;
    }

    /// <summary>True when the last four bytes (gzip ISIZE) equal the decompressed length modulo 2^32: the stream ended as written.</summary>
    private static bool TrailerMatches(Stream compressed, long total)
    {
        if (!compressed.CanSeek || compressed.Length < 18) return false;
        var trailer = new byte[4];
        compressed.Seek(-4, SeekOrigin.End);
        compressed.ReadExactly(trailer);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)total;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => bytes.Length == 0 ? "nothing" : Convert.ToHexString(bytes).ToLowerInvariant() switch
    {
        var h when h.Length == 4 => $"{h[..2]} {h[2..]}",
        var h => h,
    };

    /// <summary>The two magic bytes already read, then the rest of the stream: works for streams that cannot seek (S3).</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset >= prefix.Length) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length) return Read(buffer.Span);
            return await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
