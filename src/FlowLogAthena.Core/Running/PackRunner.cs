using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Running;

/// <summary>One query of a pack run: what happened and where its result went.</summary>
public sealed record PackQueryOutcome(QueryDefinition Query, QueryStatus Status, long Rows, TimeSpan Elapsed, string? File, string? Reason)
{
    /// <summary>For a control: pass or fail when it ran, else its run status; for any other query its run status.</summary>
    public QueryStatus Verdict => Query.Control is null ? Status : QueryStatusText.Verdict(Status, Rows);

    internal static PackQueryOutcome Of(BatchOutcome outcome) =>
        new(outcome.Item.Query, outcome.Status, outcome.Rows, outcome.Elapsed, outcome.File, outcome.Reason);
}

/// <summary>
/// Runs every query of one or more packs over one bound table with the <see cref="BatchRunner"/>: one CSV per query
/// in a folder per pack, and a <c>summary.csv</c> per pack. A query whose fields the format lacks is skipped with its
/// reason; a query that fails is recorded as failed; either way the rest still run. A compliance pack (every query a
/// control) gets the control summary of <see cref="ControlSummary"/>, its CSVs being the evidence files. A source or
/// window error, or cancellation, stops the run with that error.
/// </summary>
public sealed class PackRunner(BoundTable table, TimeProvider? clock = null)
{
    /// <summary>The files a pack run writes below its folder (relative): each query's CSV and each pack's summary.</summary>
    public static IEnumerable<string> OutputFiles(IEnumerable<QueryDefinition> queries) =>
        queries.GroupBy(q => q.Pack, StringComparer.Ordinal)
            .SelectMany(pack => pack.Select(q => Path.Combine(pack.Key, q.Id + ".csv")).Append(Path.Combine(pack.Key, "summary.csv")));

    public async Task<IReadOnlyList<PackQueryOutcome>> RunAsync(
        IEnumerable<QueryDefinition> queries,
        IReadOnlyDictionary<string, string> parameters,
        string outputFolder,
        IProgress<PackQueryOutcome>? progress,
        CancellationToken cancellationToken)
    {
        var list = queries.ToList();
        OutputTarget.CheckFolderFiles(outputFolder, OutputFiles(list), "the pack output folder");
        var batch = new BatchRunner(clock ?? TimeProvider.System);
        var seen = progress is null ? null : new ImmediateProgress<BatchOutcome>(o => progress.Report(PackQueryOutcome.Of(o)));
        var outcomes = new List<PackQueryOutcome>();
        foreach (var pack in list.GroupBy(q => q.Pack, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var folder = Path.Combine(outputFolder, pack.Key);
            var items = pack.OrderBy(q => q.Id, StringComparer.Ordinal).Select(query =>
            {
                var file = Path.Combine(folder, query.Id + ".csv");
                return new BatchQuery { Query = query, Table = table, Parameters = parameters, File = file, Sink = () => CsvSink.ToFile(file) };
            });
            var result = await batch.RunAsync(items, seen, cancellationToken).ConfigureAwait(false);
            result.Stopped.ThrowIfStopped(cancellationToken);
            var packOutcomes = result.Outcomes.Select(PackQueryOutcome.Of).ToList();
            var summary = Path.Combine(folder, "summary.csv");
            if (QueryCatalog.IsControlPack(pack))
                await ControlSummary.WriteAsync(summary, packOutcomes, cancellationToken).ConfigureAwait(false);
            else
                await WriteSummaryAsync(summary, packOutcomes, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(packOutcomes);
        }
        return outcomes;
    }

    private static Task<long> WriteSummaryAsync(string path, IReadOnlyList<PackQueryOutcome> outcomes, CancellationToken cancellationToken)
    {
        var columns = new[]
        {
            new ResultColumn("query", "VARCHAR", typeof(string)),
            new ResultColumn("status", "VARCHAR", typeof(string)),
            new ResultColumn("rows", "BIGINT", typeof(long)),
            new ResultColumn("seconds", "DOUBLE", typeof(double)),
            new ResultColumn("file", "VARCHAR", typeof(string)),
            new ResultColumn("reason", "VARCHAR", typeof(string)),
        };
        var folder = Path.GetDirectoryName(path)!;
        var rows = outcomes.Select(o => new object?[]
        {
            o.Query.Id, o.Status.ToText(), o.Rows, Math.Round(o.Elapsed.TotalSeconds, 3),
            o.File is null ? null : Path.GetRelativePath(folder, o.File), o.Reason,
        }).ToAsyncEnumerable();
        return CsvSink.ToFile(path).WriteAsync(columns, rows, cancellationToken);
    }
}
