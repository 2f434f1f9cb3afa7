using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Running;

/// <summary>What one query run produced.</summary>
public sealed record QueryRunOutcome(RenderedQuery Rendered, QueryStats Stats, long RowsWritten);

/// <summary>
/// One query, end to end and engine-neutral: render for the engine's dialect and table, execute over the
/// source, stream the rows into the sink. Every error surfaces as the phase's typed exception.
/// </summary>
public sealed class QueryRunner(IQueryEngine engine)
{
    public RenderedQuery Render(QueryDefinition query, FlowLogSource source, TimeWindow window, IReadOnlyDictionary<string, string> parameters) =>
        QueryRenderer.Render(query, RenderRequest.For(source, engine.Dialect, engine.TableReference, window, parameters));

    public async Task<QueryRunOutcome> RunAsync(
        QueryDefinition query,
        FlowLogSource source,
        TimeWindow window,
        IReadOnlyDictionary<string, string> parameters,
        IResultSink sink,
        CancellationToken cancellationToken)
    {
        var rendered = Render(query, source, window, parameters);
        await using var result = await engine.ExecuteAsync(rendered, source, cancellationToken).ConfigureAwait(false);
        var rows = await sink.WriteResultAsync(result, cancellationToken).ConfigureAwait(false);
        return new QueryRunOutcome(rendered, result.Stats, rows);
    }
}
