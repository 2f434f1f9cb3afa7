using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Cli.Console;

/// <summary>Passes rows through to another sink and keeps the first few for a console preview.</summary>
public sealed class PreviewSink(IResultSink inner, int keep) : IResultSink
{
    private readonly List<object?[]> _preview = [];

    public IReadOnlyList<object?[]> Preview => _preview;

    public IReadOnlyList<ResultColumn> Columns { get; private set; } = [];

    public Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        Columns = columns;
        _preview.Clear();
        return inner.WriteAsync(columns, Keep(rows, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<object?[]> Keep(IAsyncEnumerable<object?[]> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (_preview.Count < keep) _preview.Add(row);
            yield return row;
        }
    }
}
