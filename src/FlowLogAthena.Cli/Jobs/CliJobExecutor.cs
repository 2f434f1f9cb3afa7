using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Engines;
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

    public void Dispose()
    {
        if (_aws.IsValueCreated) _aws.Value.Dispose();
    }

    private static JobRunResult Result(JobPlan plan, JobRunState state, int ok, int failed, int skipped, string? error) =>
        new(plan.Job.Name, plan.At, state, ok, failed, skipped, plan.Manifest, error);
}
