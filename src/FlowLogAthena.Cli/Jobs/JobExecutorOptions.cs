using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Cli.Jobs;

/// <summary>What a job run needs beyond the job file: the query packs, the local engine's settings, and where to report.</summary>
public sealed record JobExecutorOptions
{
    /// <summary>Folder of query packs; the shipped queries/ when null.</summary>
    public string? QueriesFolder { get; init; }

    /// <summary>The local engine's threads, S3 cache, columnar store (off unless given) and memory limit.</summary>
    public LocalEngineSettings Local { get; init; } = new();

    /// <summary>Each query's record as soon as it is done (ok, failed, skipped, cancelled).</summary>
    public IProgress<JobQueryRecord>? QueryProgress { get; init; }

    /// <summary>Athena's state changes of a running query.</summary>
    public IProgress<AthenaQueryProgress>? AthenaProgress { get; init; }

    /// <summary>One-line notes (objects synced, format read from the files' header).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>With --verbose: each query's SQL as sent, and every Athena/Glue call attempt (never credentials).</summary>
    public Action<string>? Verbose { get; init; }
}
