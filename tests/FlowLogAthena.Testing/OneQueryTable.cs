using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Testing;

/// <summary>Tests that run one rendered query straight on an engine: the bound table is made for that query's window.</summary>
public static class OneQueryTable
{
    public static Task<QueryResult> ExecuteOnceAsync(this IQueryEngine engine, RenderedQuery query, FlowLogSource source, CancellationToken cancellationToken) =>
        new BoundTable(engine, source, query.Window, ownsEngine: false).ExecuteAsync(query, cancellationToken);
}
