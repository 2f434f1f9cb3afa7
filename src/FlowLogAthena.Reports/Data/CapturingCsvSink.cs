using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Reports.Data;

/// <summary>
/// Writes a result to a CSV file atomically (as <c>run --out</c> does) and keeps its rows for the page, so the
/// page and the CSV come from the same rows and cannot disagree.
/// </summary>
internal sealed class CapturingCsvSink(string path) : IResultSink
{
    private readonly List<object?[]> _rows = [];
    private IReadOnlyList<ResultColumn> _columns = [];

    public ResultTable Table => new(_columns, _rows);

    public Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        _columns = columns;
        _rows.Clear();
        return CsvSink.ToFile(path).WriteAsync(columns, Keep(rows, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<object?[]> Keep(IAsyncEnumerable<object?[]> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            _rows.Add(row);
            yield return row;
        }
    }
}
