using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>Collects result rows in memory.</summary>
public sealed class ListSink : IResultSink
{
    public List<object?[]> Rows { get; } = [];

    public IReadOnlyList<ResultColumn> Columns { get; private set; } = [];

    public async Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        Columns = columns;
        await foreach (var row in rows.WithCancellation(cancellationToken)) Rows.Add(row);
        return Rows.Count;
    }
}
