using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;
using FlowLogAthena.Local;

namespace FlowLogAthena.Cli.Jobs;

/// <summary>
/// Opens the engine a job names, over its source, for one window: DuckDB over a folder (or over the window's
/// objects synced from S3 into the local cache), or Athena over the Glue table. The one place a job's engine
/// choice turns into engine-specific setup.
/// </summary>
public sealed class JobEngineFactory(JobExecutorOptions options, Func<AwsClients> aws)
{
    /// <param name="window">What the engine must cover: the plan's window, or more (a report reads the week before too).</param>
    public Task<(IQueryEngine Engine, FlowLogSource Source)> OpenAsync(JobPlan plan, TimeWindow window, CancellationToken cancellationToken) => plan.Job.Engine switch
    {
        JobEngine.Athena => OpenAthenaAsync(plan.Job, cancellationToken),
        _ => OpenLocalAsync(plan, window, cancellationToken),
    };

    private async Task<(IQueryEngine, FlowLogSource)> OpenAthenaAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        var clients = aws();
        var database = job.Source.Database ?? TableOptions.DefaultDatabase;
        var table = job.Source.Table ?? TableOptions.DefaultTable;
        var engineOptions = new AthenaEngineOptions
        {
            Database = database,
            Table = table,
            WorkGroup = job.Athena.WorkGroup,
            OutputLocation = job.Athena.OutputLocation,
            EncryptionOption = job.Athena.ResultEncryption ?? (job.Aws.KmsKey is null ? EncryptionOptions.SseS3 : EncryptionOptions.SseKms),
            KmsKey = job.Aws.KmsKey,
            ExpectedBucketOwner = job.Aws.ExpectedBucketOwner,
            Timeout = job.Athena.Timeout,
        };
        var source = job.Source.Location is { } location
            ? new FlowLogSource(location, job.Source.Format ?? FlowLogFormat.Default, job.Source.Layout)
            : await GlueTableSource.ReadAsync(clients.Glue, database, table, cancellationToken).ConfigureAwait(false);
        return (new AthenaEngine(engineOptions, clients.Athena, clients.S3, options.AthenaProgress), source);
    }

    private async Task<(IQueryEngine, FlowLogSource)> OpenLocalAsync(JobPlan plan, TimeWindow window, CancellationToken cancellationToken)
    {
        var job = plan.Job;
        var source = new FlowLogSource(job.Source.Location!, job.Source.Format ?? FlowLogFormat.Default, job.Source.Layout);
        if (source.IsS3)
        {
            var cache = new S3SourceCache(aws().S3, options.CacheFolder ?? S3SourceCache.DefaultRoot, job.Aws.ExpectedBucketOwner);
            var synced = await cache.SyncAsync(source, window, cancellationToken).ConfigureAwait(false);
            options.Note?.Invoke($"{synced.Downloaded} objects downloaded, {synced.Reused} reused from {synced.LocalSource.Root}");
            source = synced.LocalSource;
        }
        if (job.Source.Format is null && source.Layout.FileFormat == LogFileFormat.Text)
        {
            // As `run` does: AWS writes the field names in each text file's first line.
            var files = await new LocalLogFileLister().ListAsync(source, window, cancellationToken).ConfigureAwait(false);
            if (await TextLogHeader.DetectAsync(files, cancellationToken).ConfigureAwait(false) is { } detected)
            {
                options.Note?.Invoke("Format from the files' header: " + detected.FormatString);
                source = source with { Format = detected };
            }
        }
        var engine = new DuckDbEngine(new DuckDbEngineOptions { Threads = options.Threads, MaterializeWindow = plan.Queries.Count > 1 }, new LocalLogFileLister());
        return (engine, source);
    }
}
