using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries;
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
        using var staging = StagingFolder.Create("job");
        // Each query's published outputs, by the query (the batch item carries the same definition).
        var published = new Dictionary<QueryDefinition, List<JobOutputRecord>>();
        var items = plan.Queries.Select(query => Item(plan, query, staging.Path, published)).ToList();
        var records = new List<JobQueryRecord>();
        var seen = new ImmediateProgress<BatchOutcome>(outcome =>
        {
            var record = Record(outcome, published.GetValueOrDefault(outcome.Item.Query));
            records.Add(record);
            progress?.Report(record);
        });
        var result = await new BatchRunner(clock).RunAsync(items, seen, cancellationToken).ConfigureAwait(false);
        foreach (var skipped in plan.Skipped)
            records.Add(new JobQueryRecord { Query = skipped.Query.QualifiedId, State = QueryStatus.Skipped, Reason = skipped.Reason });

        JobRunState? state = result.Stopped switch
        {
            RunStop.Cancelled => JobRunState.Cancelled,
            RunStop.SourceFailed => JobRunState.Failed,
            _ => null,
        };
        var manifests = new JobManifestWriter(store, clock);
        var manifest = manifests.Build(plan, table.Engine.ToText(), table.Source.Root, records, state ?? JobManifestWriter.StateOf(records), result.Stopped?.Reason, started);
        // The manifest is written even when cancelled, so the run history can say what was and was not done.
        await manifests.PublishAsync(manifest, plan.Manifest, state == JobRunState.Cancelled ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>One query of the plan: staged locally in every format the outputs ask for, then published to each output.</summary>
    private BatchQuery Item(JobPlan plan, JobQueryPlan query, string staging, Dictionary<QueryDefinition, List<JobOutputRecord>> published)
    {
        var formats = plan.Job.Outputs.Select(o => o.Template.Format).Distinct()
            .ToDictionary(f => f, f => Path.Combine(staging, $"{query.Query.Pack}.{query.Query.Id}{f.Extension}"));
        return new BatchQuery
        {
            Query = query.Query,
            Table = table,
            Parameters = plan.Parameters,
            Sink = () => new StagingSink(formats),
            ShowSql = ShowSql is { } show ? rendered => show($"{table.Engine.ToText()} SQL for {query.Query.QualifiedId}:{Environment.NewLine}{rendered.Sql}") : null,
            AfterRun = async (_, cancellationToken) =>
            {
                var outputs = new List<JobOutputRecord>();
                for (var i = 0; i < query.Outputs.Count; i++)
                {
                    var format = plan.Job.Outputs[i].Template.Format;
                    outputs.Add(await JobOutputPublisher.PublishAsync(store, formats[format], query.Outputs[i], format, cancellationToken).ConfigureAwait(false));
                }
                published[query.Query] = outputs;
            },
        };
    }

    private static JobQueryRecord Record(BatchOutcome outcome, List<JobOutputRecord>? outputs)
    {
        var ran = outcome.Status is not QueryStatus.Skipped;
        return new JobQueryRecord
        {
            Query = outcome.Item.Query.QualifiedId,
            State = outcome.Status,
            Control = outcome.Status == QueryStatus.Ok && outcome.Item.Query.Control is not null ? outcome.Verdict : null,
            ExecutionId = outcome.Stats?.ExecutionId,
            Rows = outcome.Rows,
            BytesScanned = outcome.Stats?.BytesScanned ?? 0,
            CostUsd = outcome.Stats?.CostUsd,
            StartedUtc = ran ? outcome.StartedUtc : null,
            FinishedUtc = ran ? outcome.FinishedUtc : null,
            Outputs = outcome.Status == QueryStatus.Ok ? outputs ?? [] : [],
            Reason = outcome.Reason,
        };
    }
}
