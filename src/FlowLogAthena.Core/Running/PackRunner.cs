using System.Diagnostics;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Queries.Rendering;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Running;

/// <summary>One query of a pack run: what happened and where its result went.</summary>
public sealed record PackQueryOutcome(QueryDefinition Query, string Status, long Rows, TimeSpan Elapsed, string? File, string? Reason);

/// <summary>
/// Runs every query of one or more packs over the same source and window: one CSV per query in a folder per
/// pack, and a <c>summary.csv</c> per pack. A query whose fields the format lacks is skipped with its reason;
/// a query that fails is recorded as failed; either way the rest still run. A compliance pack (every query a
/// control) gets the control summary of <see cref="ControlSummary"/>, its CSVs being the evidence files.
/// </summary>
public sealed class PackRunner(BoundTable table)
{
    public const string Ok = "ok";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

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
        var runner = new QueryRunner(table);
        var outcomes = new List<PackQueryOutcome>();
        foreach (var pack in list.GroupBy(q => q.Pack, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var packOutcomes = new List<PackQueryOutcome>();
            var controls = QueryCatalog.IsControlPack(pack);
            foreach (var query in pack.OrderBy(q => q.Id, StringComparer.Ordinal))
            {
                var folder = Path.Combine(outputFolder, pack.Key);
                var outcome = await RunOneAsync(runner, query, table.Source, parameters, folder, cancellationToken).ConfigureAwait(false);
                // An evidence file left by an earlier run must not sit beside a control this run did not judge.
                var stale = Path.Combine(folder, query.Id + ".csv");
                if (controls && outcome.File is null && File.Exists(stale)) File.Delete(stale);
                packOutcomes.Add(outcome);
                progress?.Report(outcome);
            }
            var summary = Path.Combine(outputFolder, pack.Key, "summary.csv");
            if (controls)
                await ControlSummary.WriteAsync(summary, packOutcomes, cancellationToken).ConfigureAwait(false);
            else
                await WriteSummaryAsync(summary, packOutcomes, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(packOutcomes);
        }
        return outcomes;
    }

    private static async Task<PackQueryOutcome> RunOneAsync(QueryRunner runner, QueryDefinition query, FlowLogSource source,
        IReadOnlyDictionary<string, string> parameters, string folder, CancellationToken cancellationToken)
    {
        var missing = RequiredFieldsCheck.Missing(query, source.Format);
        if (missing.Count > 0)
            return new PackQueryOutcome(query, Skipped, 0, TimeSpan.Zero, null, RequiredFieldsCheck.Message(query.Id, missing));

        // Pack-wide parameters apply to the queries that declare them.
        var own = parameters.Where(p => query.FindParameter(p.Key) is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var unset = query.Parameters.Where(p => p.Required && !own.ContainsKey(p.Name)).Select(p => $"--param {p.Name}=…").ToList();
        if (unset.Count > 0)
            return new PackQueryOutcome(query, Skipped, 0, TimeSpan.Zero, null, $"Query '{query.Id}' needs {string.Join(" and ", unset)} (no default).");

        var file = Path.Combine(folder, query.Id + ".csv");
        var clock = Stopwatch.StartNew();
        try
        {
            var outcome = await runner.RunAsync(query, own, CsvSink.ToFile(file), cancellationToken).ConfigureAwait(false);
            return new PackQueryOutcome(query, Ok, outcome.RowsWritten, clock.Elapsed, file, null);
        }
        catch (FlowLogAthenaException e) when (e is not TimeWindowException and not SourceException)
        {
            // One broken query must not sink the pack; a missing source or empty window would fail them all.
            return new PackQueryOutcome(query, Failed, 0, clock.Elapsed, null, e.Message);
        }
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
            o.Query.Id, o.Status, o.Rows, Math.Round(o.Elapsed.TotalSeconds, 3),
            o.File is null ? null : Path.GetRelativePath(folder, o.File), o.Reason,
        }).ToAsyncEnumerable();
        return CsvSink.ToFile(path).WriteAsync(columns, rows, cancellationToken);
    }
}
