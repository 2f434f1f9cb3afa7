using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Engines;

/// <summary>
/// A flow log source bound to an engine for one window: the one table every query of a run reads. Opening an engine
/// returns it; runners render and execute through it instead of carrying an engine, a source and a window apart.
/// An engine may keep what it loaded for a window per bound table (the local engine keeps the window in memory),
/// so a run makes one per window and reuses it.
/// </summary>
public sealed class BoundTable : IAsyncDisposable
{
    private readonly IQueryEngine _engine;
    private readonly bool _ownsEngine;

    /// <param name="ownsEngine">Whether disposing this table disposes the engine (not for <see cref="Over"/>'s tables, which share it).</param>
    public BoundTable(IQueryEngine engine, FlowLogSource source, TimeWindow window, bool ownsEngine = true)
    {
        _engine = engine;
        _ownsEngine = ownsEngine;
        Source = source;
        Window = window;
    }

    public FlowLogSource Source { get; }

    public TimeWindow Window { get; }

    /// <summary>Short engine name, e.g. <c>local</c> or <c>athena</c>.</summary>
    public EngineKind Engine => _engine.Kind;

    public SqlDialect Dialect => _engine.Dialect;

    /// <summary>The table reference the rendered SQL reads, already quoted.</summary>
    public string TableReference => _engine.TableReference;

    /// <summary>Names to show beside ids in tables people read (what AWS's ranges say of an address); none unless the opener gave them.</summary>
    public Names.ResourceNames Names { get; init; } = FlowLogAthena.Core.Names.ResourceNames.None;

    /// <summary>The tables the engine offers beside this one (AWS's address ranges, …).</summary>
    public ReferenceTables References => _engine.References;

    /// <summary>The same source on the same engine over another window (a report's previous week); it shares the engine.</summary>
    public BoundTable Over(TimeWindow window) => new(_engine, Source, window, ownsEngine: false) { Names = Names };

    /// <summary>The query's SQL for this table's dialect, table and window, every parameter validated.</summary>
    public RenderedQuery Render(QueryDefinition query, IReadOnlyDictionary<string, string> parameters) =>
        QueryRenderer.Render(query, RenderRequest.For(Source, Dialect, TableReference, Window, parameters, _engine.References));

    /// <summary>Runs a query rendered by <see cref="Render"/>; cancelling stops it in the engine.</summary>
    public Task<QueryResult> ExecuteAsync(RenderedQuery query, CancellationToken cancellationToken)
    {
        if (query.Window != Window)
            throw new ArgumentException($"Query '{query.QueryId}' was rendered for {query.Window}, but this table reads {Window}.", nameof(query));
        return _engine.ExecuteAsync(query, this, cancellationToken);
    }

    public ValueTask DisposeAsync() => _ownsEngine ? _engine.DisposeAsync() : ValueTask.CompletedTask;
}
