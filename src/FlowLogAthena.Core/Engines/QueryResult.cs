namespace FlowLogAthena.Core.Engines;

/// <summary>A column of a result set with the engine's type name and its .NET type.</summary>
public sealed record ResultColumn(string Name, string EngineType, Type ClrType);

/// <summary>What an engine reports about one execution.</summary>
public sealed record QueryStats
{
    /// <summary>The engine's id for the execution (Athena's QueryExecutionId); null where there is nothing to look up later (DuckDB).</summary>
    public string? ExecutionId { get; init; }
    public string State { get; init; } = "SUCCEEDED";
    public long FilesRead { get; init; }
    public long BytesScanned { get; init; }
    public long RowsReturned { get; set; }
    public TimeSpan EngineTime { get; set; }

    /// <summary>Estimated cost in US dollars, where the engine bills (Athena: $5/TB, 10 MB minimum).</summary>
    public decimal? CostUsd { get; init; }
}

/// <summary>
/// A running query's result: the columns, then the rows streamed once. Dispose it to release the
/// engine's resources (and stop the query if the rows were not read to the end).
/// </summary>
public abstract class QueryResult : IAsyncDisposable
{
    public abstract IReadOnlyList<ResultColumn> Columns { get; }

    public abstract QueryStats Stats { get; }

    /// <summary>
    /// Where the engine already wrote the complete result as CSV (Athena's result object), so a sink that wants
    /// exactly that may copy it server-side instead of writing the rows again; null when there is none.
    /// </summary>
    public virtual string? CompleteCsvObject => null;

    /// <summary>Streams the rows; each array is fresh and may be kept by the caller.</summary>
    public abstract IAsyncEnumerable<object?[]> ReadRowsAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
