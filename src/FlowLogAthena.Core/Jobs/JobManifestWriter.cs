using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Jobs;

/// <summary>Builds a run's manifest from its query records and publishes it, for a run that ran and for one that never got to its queries.</summary>
public sealed class JobManifestWriter(IJobOutputStore store, TimeProvider clock)
{
    public JobRunManifest Build(JobPlan plan, string engine, string source, IReadOnlyList<JobQueryRecord> records, JobRunState state, string? error, DateTime startedUtc)
    {
        var ran = records.Where(r => r.State == QueryStatus.Ok).ToList();
        var costs = ran.Where(r => r.CostUsd is not null).Select(r => r.CostUsd!.Value).ToList();
        return new JobRunManifest
        {
            Job = plan.Job.Name,
            JobFile = plan.Job.Path,
            State = state,
            Error = error,
            RunAtUtc = plan.At.UtcDateTime,
            StartedUtc = startedUtc,
            FinishedUtc = clock.GetUtcNow().UtcDateTime,
            Engine = engine,
            Source = source,
            Window = new JobRunWindow(TimeWindow.Format(plan.Window.From), TimeWindow.Format(plan.Window.To), plan.Job.Window.Relative?.Name, plan.Job.Window.TimeZone.Id),
            Parameters = new SortedDictionary<string, string>(plan.Parameters.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
            Queries = records,
            // A week without data did not run either: it counts with the skipped.
            Totals = new JobRunTotals(ran.Count, records.Count(r => r.State == QueryStatus.Failed), records.Count(r => r.State is QueryStatus.Skipped or QueryStatus.NoData),
                ran.Sum(r => r.Rows), ran.Sum(r => r.BytesScanned), costs.Count > 0 ? costs.Sum() : null),
        };
    }

    /// <summary>Succeeded when nothing failed and something ran; partial when some failed and some ran; failed when nothing ran.</summary>
    public static JobRunState StateOf(IReadOnlyList<JobQueryRecord> records)
    {
        var ok = records.Count(r => r.State == QueryStatus.Ok);
        var failed = records.Count(r => r.State == QueryStatus.Failed);
        if (failed == 0 && ok > 0) return JobRunState.Succeeded;
        return ok > 0 ? JobRunState.Partial : JobRunState.Failed;
    }

    /// <summary>The manifest of a run that failed before any query started (source, Glue table, S3 sync), or was cancelled then.</summary>
    public async Task<JobRunManifest> RecordFailureAsync(JobPlan plan, string engine, string source, JobRunState state, string error, CancellationToken cancellationToken)
    {
        var records = plan.Skipped.Select(s => new JobQueryRecord { Query = s.Query.QualifiedId, State = QueryStatus.Skipped, Reason = s.Reason }).ToList();
        var manifest = Build(plan, engine, source, records, state, error, clock.GetUtcNow().UtcDateTime);
        await PublishAsync(manifest, plan.Manifest, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Written to a local temporary file, then published like any output (whole or not at all).</summary>
    public Task PublishAsync(JobRunManifest manifest, string destination, CancellationToken cancellationToken) =>
        ManifestFile.PublishAsync(manifest, (file, token) => store.PublishAsync(file, destination, ManifestFile.ContentType, token), cancellationToken);
}
