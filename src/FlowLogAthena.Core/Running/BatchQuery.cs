using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Running;

/// <summary>One query of a batch: the table it reads, the run's parameters, and where its rows go.</summary>
public sealed record BatchQuery
{
    public required QueryDefinition Query { get; init; }

    public required BoundTable Table { get; init; }

    /// <summary>The run's parameters; each query takes those it declares (a pack's parameters span many queries).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The sink for this query's rows, made only when the query runs.</summary>
    public required Func<IResultSink> Sink { get; init; }

    /// <summary>The final file the sink writes, when it writes one: an older copy is deleted when this run leaves none.</summary>
    public string? File { get; init; }

    /// <summary>Whether a window without flow log files is <see cref="QueryStatus.NoData"/> for this query instead of stopping the run.</summary>
    public bool EmptyWindowIsNoData { get; init; }

    /// <summary>Sees the SQL before it runs (for --verbose).</summary>
    public Action<RenderedQuery>? ShowSql { get; init; }

    /// <summary>After the rows are written: publish them (a job's outputs); a failure here is the query's failure.</summary>
    public Func<QueryRunOutcome, CancellationToken, Task>? AfterRun { get; init; }
}
