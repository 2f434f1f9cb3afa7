using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Cli.Jobs;

/// <summary>The engine a job file names, as the request <see cref="EngineOpener"/> opens for commands too.</summary>
public static class JobEngineRequest
{
    public static EngineRequest For(JobPlan plan, JobExecutorOptions options)
    {
        var job = plan.Job;
        var source = job.Source.Location is { } location ? new FlowLogSource(location, job.Source.Format ?? FlowLogFormat.Default, job.Source.Layout, job.Source.FlowLogId) : null;
        return new EngineRequest
        {
            Athena = job.Engine == EngineKind.Athena ? AthenaOptions(job) : null,
            Source = source,
            FormatGiven = job.Source.Format is not null,
            FlowLogId = job.Source.FlowLogId,
            Local = options.Local,
            ExpectedBucketOwner = job.Aws.ExpectedBucketOwner,
            // Several queries over one window: parse it once, then query it in memory.
            MaterializeWindow = plan.Queries.Count > 1,
        };
    }

    /// <summary>The Athena settings of a job file: its table, workgroup, results and timeout (also a compaction job's text table).</summary>
    public static AthenaEngineOptions AthenaOptions(JobDefinition job) => new()
    {
        Database = job.Source.Database ?? TableOptions.DefaultDatabase,
        Table = job.Source.Table ?? TableOptions.DefaultTable,
        WorkGroup = job.Athena.WorkGroup,
        OutputLocation = job.Athena.OutputLocation,
        EncryptionOption = job.Athena.ResultEncryption ?? (job.Aws.KmsKey is null ? EncryptionOptions.SseS3 : EncryptionOptions.SseKms),
        KmsKey = job.Aws.KmsKey,
        ExpectedBucketOwner = job.Aws.ExpectedBucketOwner,
        Timeout = job.Athena.Timeout,
    };
}
