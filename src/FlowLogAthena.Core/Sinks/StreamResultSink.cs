using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Core.Sinks;

/// <summary>A sink that serialises rows to a stream: to a file (atomically) or to a given stream such as stdout.</summary>
public abstract class StreamResultSink : IResultSink
{
    private readonly string? _path;
    private readonly Stream? _stream;

    protected StreamResultSink(string? path, Stream? stream)
    {
        _path = path;
        _stream = stream;
    }

    public Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        _path is not null
            ? AtomicFile.WriteAsync(_path, (s, ct) => WriteToAsync(s, columns, rows, ct), cancellationToken)
            : WriteToAsync(_stream!, columns, rows, cancellationToken);

    /// <summary>Writes every row to the stream and returns how many were written; leaves the stream open.</summary>
    protected abstract Task<long> WriteToAsync(Stream stream, IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken);
}
