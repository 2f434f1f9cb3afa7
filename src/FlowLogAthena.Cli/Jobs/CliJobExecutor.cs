using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Compaction;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Reports;
using FlowLogAthena.Reports.Jobs;

namespace FlowLogAthena.Cli.Jobs;

/// <summary>
/// The job executor of <c>job run</c> and <c>serve</c>: validates the job for the instant (bad input throws),
/// opens its engine, runs it with <see cref="JobRunner"/> to local or s3:// outputs, and reports the result.
/// AWS clients come from the standard chain, created only when a job reaches AWS.
/// </summary>
public sealed class CliJobExecutor(JobExecutorOptions options, TimeProvider clock) : IJobExecutor, IDisposable
{
    private readonly Lazy<AwsClients> _aws = new(() => AwsClients.Create(AwsSettings.FromEnvironment(),
        trace: options.Verbose is { } verbose ? record => verbose("aws: " + record) : null));

    public IReadOnlyList<JobReportKind> ReportKinds => Reports.Jobs.ReportKinds.All;

    public async Task<JobRunResult> RunAsync(JobDefinition job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var catalog = QueryCatalog.Load(QueryCatalog.RootFor(options.QueriesFolder));
        var plan = JobValidator.Validate(job, catalog, ReportKinds, at);
        var store = new JobOutputRouter(new LocalJobOutputStore(), () => new S3JobOutputStore(new S3Uploader(_aws.Value.S3, new S3WriteOptions
        {
            ExpectedBucketOwner = job.Aws.ExpectedBucketOwner,
            KmsKeyId = job.Aws.KmsKey,
        })));
        var engineName = job.Engine.ToString().ToLowerInvariant();
        try
        {
            if (job.Compact is { } compact) return await CompactAsync(plan, compact, store, engineName, cancellationToken).ConfigureAwait(false);
            var window = job.Report is null ? plan.Window : ReportWeeks.For(plan.Window).Both;
            var opener = new EngineOpener(() => _aws.Value, options.Note, options.AthenaProgress);
            var table = await opener.OpenAsync(JobEngineRequest.For(plan, options), window, cancellationToken).ConfigureAwait(false);
            await using (table.ConfigureAwait(false))
            {
                // The one place a job's kind picks its runner: one output per query, or a report.
                var manifest = job.Report is null
                    ? await new JobRunner(table, store, clock) { ShowSql = options.Verbose }.RunAsync(plan, options.QueryProgress, cancellationToken).ConfigureAwait(false)
                    : await new WeeklyReportJobRunner(table, catalog, store, clock).RunAsync(plan, options.QueryProgress, cancellationToken).ConfigureAwait(false);
                return Result(plan, manifest.State, manifest.Totals.Succeeded, manifest.Totals.Failed, manifest.Totals.Skipped, manifest.Error);
            }
        }
        catch (Exception e) when (e is FlowLogAthenaException or OperationCanceledException)
        {
            // The run never got to its queries (source, Glue table, S3 sync): still leave a manifest that says why.
            var state = e is OperationCanceledException ? JobRunState.Cancelled : JobRunState.Failed;
            var error = e is OperationCanceledException ? "cancelled before the queries ran" : e.Message;
            try
            {
                await new JobManifestWriter(store, clock).RecordFailureAsync(plan, engineName, job.Source.ToString(), state, error, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SinkException sink)
            {
                error += $" (and the manifest could not be written: {sink.Message})";
            }
            return Result(plan, state, 0, 0, plan.Skipped.Count, error);
        }
    }

    /// <summary>A compaction job: the window into the twin by the job's engine, then a manifest with each day's outcome.</summary>
    private async Task<JobRunResult> CompactAsync(JobPlan plan, JobCompaction compact, IJobOutputStore store, string engineName, CancellationToken cancellationToken)
    {
        var job = plan.Job;
        var started = clock.GetUtcNow().UtcDateTime;
        var athena = JobEngineRequest.AthenaOptions(job);
        var outcome = await new TwinCompaction(() => _aws.Value, options.Note, options.AthenaProgress, clock).RunAsync(new CompactionRequest
        {
            Athena = athena,
            TwinRoot = compact.Twin,
            TwinTable = compact.Table,
            Window = plan.Window,
            Local = job.Engine == EngineKind.Local,
            LocalSettings = options.Local,
            Force = compact.Force,
            FlowLogId = job.Source.FlowLogId,
        }, cancellationToken).ConfigureAwait(false);
        var writer = new JobManifestWriter(store, clock);
        var manifest = writer.Build(plan, engineName, job.Source.ToString(), [], JobRunState.Succeeded, null, started) with
        {
            Compaction = new JobCompactionRecord(outcome.Twin.Root, $"{outcome.TwinTable.Database}.{outcome.TwinTable.Name}", outcome.Days),
        };
        await writer.PublishAsync(manifest, plan.Manifest, cancellationToken).ConfigureAwait(false);
        // A day compacted, found up to date or without text is a day done.
        return Result(plan, JobRunState.Succeeded, outcome.Days.Count, 0, 0, null);
    }

    public void Dispose()
    {
        if (_aws.IsValueCreated) _aws.Value.Dispose();
    }

    private static JobRunResult Result(JobPlan plan, JobRunState state, int ok, int failed, int skipped, string? error) =>
        new(plan.Job.Name, plan.At, state, ok, failed, skipped, plan.Manifest, error);
}
