using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries.Rendering;

namespace FlowLogAthena.Core.Running;

/// <summary>
/// The one runner of many queries, for packs, jobs and the weekly report alike. For each query in order: skip it
/// when the format lacks a field it reads or a parameter it requires is unset; else render it for its table, run it
/// into its sink and finish it (<see cref="BatchQuery.AfterRun"/>). A query that fails is recorded and the rest still
/// run; a missing source or an empty window stops the run (every later query would fail alike), as does
/// cancellation, and the result says so as a <see cref="RunStop"/>. A query that leaves no file removes an older
/// copy of it, so no result from an earlier run sits beside this run's summary as if it were new.
/// </summary>
public sealed class BatchRunner(TimeProvider clock)
{
    public async Task<BatchResult> RunAsync(IEnumerable<BatchQuery> queries, IProgress<BatchOutcome>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<BatchOutcome>();
        RunStop? stopped = null;
        foreach (var item in queries)
        {
            var (outcome, stop) = await RunOneAsync(item, cancellationToken).ConfigureAwait(false);
            if (outcome.Status != QueryStatus.Ok && item.File is { } stale && File.Exists(stale)) File.Delete(stale);
            outcomes.Add(outcome);
            progress?.Report(outcome);
            if (stop is not null)
            {
                stopped = stop;
                break;
            }
        }
        return new BatchResult(outcomes, stopped);
    }

    private async Task<(BatchOutcome Outcome, RunStop? Stop)> RunOneAsync(BatchQuery item, CancellationToken cancellationToken)
    {
        var query = item.Query;
        var now = clock.GetUtcNow().UtcDateTime;
        if (FormatFitCheck.Problem(query, item.Table.Source.Format, item.Table.References) is { } problem)
            return (new BatchOutcome(item, QueryStatus.Skipped, 0, problem, null, now, now), null);

        var parameters = item.Parameters.Where(p => query.FindParameter(p.Key) is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var unset = query.Parameters.Where(p => p.Required && !parameters.ContainsKey(p.Name)).Select(p => $"--param {p.Name}=…").ToList();
        if (unset.Count > 0)
            return (new BatchOutcome(item, QueryStatus.Skipped, 0, $"Query '{query.Id}' needs {string.Join(" and ", unset)} (no default).", null, now, now), null);

        var started = now;
        BatchOutcome Ended(QueryStatus status, string? reason, long rows = 0, Engines.QueryStats? stats = null) =>
            new(item, status, rows, reason, stats, started, clock.GetUtcNow().UtcDateTime);
        try
        {
            var rendered = item.Table.Render(query, parameters);
            item.ShowSql?.Invoke(rendered);
            var ran = await new QueryRunner(item.Table).RunAsync(rendered, item.Sink(), cancellationToken).ConfigureAwait(false);
            if (item.AfterRun is { } after) await after(ran, cancellationToken).ConfigureAwait(false);
            return (Ended(QueryStatus.Ok, null, ran.RowsWritten, ran.Stats), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (Ended(QueryStatus.Cancelled, "the run was cancelled"), new RunStop.Cancelled(query.QualifiedId));
        }
        catch (TimeWindowException e) when (item.EmptyWindowIsNoData)
        {
            return (Ended(QueryStatus.NoData, e.Message), null);
        }
        catch (FlowLogAthenaException e) when (e is SourceException or TimeWindowException)
        {
            return (Ended(QueryStatus.Failed, e.Message), new RunStop.SourceFailed(e));
        }
        catch (FlowLogAthenaException e)
        {
            return (Ended(QueryStatus.Failed, e.Message), null);
        }
    }
}
