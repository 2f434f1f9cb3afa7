using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Core.Sinks;

/// <summary>Where result rows go: a console table, a CSV or JSON-lines file, an S3 object.</summary>
public interface IResultSink
{
    /// <summary>Consumes the rows as they stream; returns the number of rows written.</summary>
    Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Consumes a whole result; sinks that can reuse what the engine already wrote override this.</summary>
    Task<long> WriteResultAsync(QueryResult result, CancellationToken cancellationToken) =>
        WriteAsync(result.Columns, result.ReadRowsAsync(cancellationToken), cancellationToken);
}
