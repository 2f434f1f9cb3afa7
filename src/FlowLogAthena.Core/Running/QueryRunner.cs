using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Running;

/// <summary>What one query run produced.</summary>
public sealed record QueryRunOutcome(RenderedQuery Rendered, QueryStats Stats, long RowsWritten);

/// <summary>
/// One query, end to end and engine-neutral: rendered once for the bound table, executed there, its rows streamed
/// into the sink. Every error surfaces as the phase's typed exception.
/// </summary>
public sealed class QueryRunner(BoundTable table)
{
    /// <summary>Renders and runs <paramref name="query"/>.</summary>
    public Task<QueryRunOutcome> RunAsync(QueryDefinition query, IReadOnlyDictionary<string, string> parameters, IResultSink sink, CancellationToken cancellationToken) =>
        RunAsync(table.Render(query, parameters), sink, cancellationToken);

    /// <summary>Runs a query already rendered by the table (to show its SQL first, or refuse bad input early).</summary>
    public async Task<QueryRunOutcome> RunAsync(RenderedQuery rendered, IResultSink sink, CancellationToken cancellationToken)
    {
        await using var result = await table.ExecuteAsync(rendered, cancellationToken).ConfigureAwait(false);
        var rows = await sink.WriteResultAsync(result, cancellationToken).ConfigureAwait(false);
        return new QueryRunOutcome(rendered, result.Stats, rows);
    }
}
