using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Cli.Jobs;

/// <summary>What a job run needs beyond the job file: the query packs, the local engine's cache and threads, and where to report.</summary>
public sealed record JobExecutorOptions
{
    /// <summary>Folder of query packs; the shipped queries/ when null.</summary>
    public string? QueriesFolder { get; init; }

    /// <summary>Where the local engine keeps the S3 objects it reads; ~/.cache/flowlog-athena/s3 when null.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>DuckDB threads; every core when null.</summary>
    public int? Threads { get; init; }

    /// <summary>Each query's record as soon as it is done (ok, failed, skipped, cancelled).</summary>
    public IProgress<JobQueryRecord>? QueryProgress { get; init; }

    /// <summary>Athena's state changes of a running query.</summary>
    public IProgress<AthenaQueryProgress>? AthenaProgress { get; init; }

    /// <summary>One-line notes (objects synced, format read from the files' header).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>With --verbose: each query's SQL as sent, and every Athena/Glue call attempt (never credentials).</summary>
    public Action<string>? Verbose { get; init; }
}
