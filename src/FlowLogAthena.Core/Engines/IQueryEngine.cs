using FlowLogAthena.Core.Queries;

namespace FlowLogAthena.Core.Engines;

/// <summary>
/// Runs a rendered query over a <see cref="BoundTable"/>: the engine reads the table's source for its window
/// (a DuckDB view over the pruned files, or the provisioned Glue table), then streams the rows. Callers go through
/// the bound table, not the engine. Cancelling the token stops the query in the engine, not only the wait.
/// </summary>
public interface IQueryEngine : IAsyncDisposable
{
    /// <summary>Which engine this is (<c>local</c> or <c>athena</c> in text).</summary>
    EngineKind Kind { get; }

    /// <summary>The dialect this engine's queries must be rendered in.</summary>
    SqlDialect Dialect { get; }

    /// <summary>The table reference a query rendered for this engine must read, already quoted.</summary>
    string TableReference { get; }

    /// <summary>The tables this engine offers beside the flow log table; none unless the engine says so.</summary>
    ReferenceTables References => ReferenceTables.None;

    Task<QueryResult> ExecuteAsync(RenderedQuery query, BoundTable table, CancellationToken cancellationToken);
}
