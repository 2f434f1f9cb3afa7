using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.Estimates;

/// <summary>
/// A read-only, seekable view of one S3 object that fetches only what is read, by ranged GETs: the first read fetches
/// the object's last 64 KiB (where a Parquet footer is), and any read outside what was fetched so far asks for exactly
/// its range (for a footer reader, the 4-byte magic at the start); fetched ranges are kept. <see cref="BytesFetched"/> and <see cref="Requests"/> say what that cost.
/// </summary>
internal sealed class RangedObjectStream(IAmazonS3 s3, S3Uri uri, long length, string? expectedBucketOwner) : Stream
{
    private const int TailBytes = 64 * 1024;
    private readonly List<(long Start, byte[] Bytes)> _fetched = [];
    private long _position;

    public long BytesFetched { get; private set; }

    public int Requests { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        if (count <= 0) return 0;
        var position = _position;
        var block = _fetched.FirstOrDefault(b => b.Start <= position && position + count <= b.Start + b.Bytes.Length);
        if (block.Bytes is null && _fetched.Count == 0)
        {
            // The footer is at the end: fetch the tail once, whatever the first read asks for.
            var tail = Math.Max(0, length - TailBytes);
            _fetched.Add((tail, await FetchAsync(tail, length - tail, cancellationToken).ConfigureAwait(false)));
            block = _fetched.FirstOrDefault(b => b.Start <= position && position + count <= b.Start + b.Bytes.Length);
        }
        if (block.Bytes is null)
        {
            block = (position, await FetchAsync(position, count, cancellationToken).ConfigureAwait(false));
            _fetched.Add(block);
        }
        block.Bytes.AsMemory((int)(_position - block.Start), count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Parquet.Net reads asynchronously; a synchronous caller still gets the same bytes.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private async Task<byte[]> FetchAsync(long start, long count, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = uri.Bucket,
                Key = uri.Key,
                ByteRange = new ByteRange(start, start + count - 1),
                ExpectedBucketOwner = expectedBucketOwner,
            }, cancellationToken).ConfigureAwait(false);
            var bytes = new byte[count];
            await response.ResponseStream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            Requests++;
            BytesFetched += count;
            return bytes;
        }
        catch (Exception e) when (S3Failures.Is(e, cancellationToken))
        {
            throw S3Failures.Translate(e, $"Cannot read bytes {start}–{start + count - 1} of {uri}", (m, inner) => new SourceException(m, inner));
        }
        catch (EndOfStreamException)
        {
            throw new SourceException($"{uri} is shorter than the {length} bytes its listing gave; it changed while being read, rerun the estimate.");
        }
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
