using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries.Rendering;
using FlowLogAthena.Core.Running;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// Runs a validated job plan on its bound table: each query once, its result staged locally in every format the
/// outputs ask for and then published to each output; then the run manifest, last, so a manifest only ever
/// describes outputs that are in place. A query that fails is recorded and the others still run; a missing
/// source or an empty window fails the run; cancellation stops the running query (the engine stops an Athena
/// query) and is recorded. Engine-neutral: the table and the output store are given.
/// </summary>
public sealed class JobRunner(BoundTable table, IJobOutputStore store, TimeProvider clock)
{
    /// <summary>Receives each query's SQL as the engine will run it (for --verbose).</summary>
    public Action<string>? ShowSql { get; init; }

    public async Task<JobRunManifest> RunAsync(JobPlan plan, IProgress<JobQueryRecord>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var records = new List<JobQueryRecord>();
        using var staging = StagingFolder.Create("job");
        var state = (JobRunState?)null;
        string? error = null;
        var runner = new QueryRunner(table);
        foreach (var query in plan.Queries)
        {
            var record = await RunOneAsync(runner, plan, query, staging.Path, cancellationToken).ConfigureAwait(false);
            records.Add(record);
            progress?.Report(record);
            if (record.State == JobQueryRecord.Cancelled)
            {
                state = JobRunState.Cancelled;
                error = "cancelled while running " + record.Query;
                break;
            }
            if (record.State == JobQueryRecord.Failed && record.Reason is { } reason && IsRunLevel(reason))
            {
                state = JobRunState.Failed;
                error = reason;
                break;
            }
        }
        foreach (var skipped in plan.Skipped)
            records.Add(new JobQueryRecord { Query = skipped.Query.QualifiedId, State = JobQueryRecord.Skipped, Reason = skipped.Reason });

        var manifests = new JobManifestWriter(store, clock);
        var manifest = manifests.Build(plan, table.EngineName, table.Source.Root, records, state ?? JobManifestWriter.StateOf(records), error, started);
        // The manifest is written even when cancelled, so the run history can say what was and was not done.
        await manifests.PublishAsync(manifest, plan.Manifest, state == JobRunState.Cancelled ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    private async Task<JobQueryRecord> RunOneAsync(QueryRunner runner, JobPlan plan, JobQueryPlan query, string staging, CancellationToken cancellationToken)
    {
        var id = query.Query.QualifiedId;
        var missing = RequiredFieldsCheck.Missing(query.Query, table.Source.Format);
        if (missing.Count > 0)
            return new JobQueryRecord { Query = id, State = JobQueryRecord.Skipped, Reason = RequiredFieldsCheck.Message(query.Query.Id, missing) };

        var formats = plan.Job.Outputs.Select(o => o.Template.Format).Distinct()
            .ToDictionary(f => f, f => Path.Combine(staging, $"{query.Query.Pack}.{query.Query.Id}.{(f == OutputFormat.Csv ? "csv" : "jsonl")}"));
        var parameters = plan.Parameters.Where(p => query.Query.FindParameter(p.Key) is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var started = clock.GetUtcNow().UtcDateTime;
        try
        {
            var rendered = table.Render(query.Query, parameters);
            ShowSql?.Invoke($"{table.EngineName} SQL for {id}:{Environment.NewLine}{rendered.Sql}");
            var outcome = await runner.RunAsync(rendered, new StagingSink(formats), cancellationToken).ConfigureAwait(false);
            var outputs = new List<JobOutputRecord>();
            for (var i = 0; i < query.Outputs.Count; i++)
            {
                var format = plan.Job.Outputs[i].Template.Format;
                outputs.Add(await JobOutputPublisher.PublishAsync(store, formats[format], query.Outputs[i], format == OutputFormat.Csv ? "csv" : "jsonl",
                    StagingSink.ContentType(format), cancellationToken).ConfigureAwait(false));
            }
            return new JobQueryRecord
            {
                Query = id,
                State = JobQueryRecord.Ok,
                Control = query.Query.Control is null ? null : outcome.RowsWritten == 0 ? ControlSummary.Pass : ControlSummary.Fail,
                ExecutionId = outcome.Stats.ExecutionId,
                Rows = outcome.RowsWritten,
                BytesScanned = outcome.Stats.BytesScanned,
                CostUsd = outcome.Stats.CostUsd,
                StartedUtc = started,
                FinishedUtc = clock.GetUtcNow().UtcDateTime,
                Outputs = outputs,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new JobQueryRecord { Query = id, State = JobQueryRecord.Cancelled, StartedUtc = started, FinishedUtc = clock.GetUtcNow().UtcDateTime, Reason = "the run was cancelled" };
        }
        catch (FlowLogAthenaException e)
        {
            var reason = e is SourceException or TimeWindowException ? RunLevelPrefix + e.Message : e.Message;
            return new JobQueryRecord { Query = id, State = JobQueryRecord.Failed, StartedUtc = started, FinishedUtc = clock.GetUtcNow().UtcDateTime, Reason = reason };
        }
    }

    // A missing source or an empty window would fail every query alike: stop at the first instead of repeating it.
    private const string RunLevelPrefix = "the run stopped: ";

    private static bool IsRunLevel(string reason) => reason.StartsWith(RunLevelPrefix, StringComparison.Ordinal);
}
