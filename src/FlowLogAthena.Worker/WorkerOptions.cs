namespace FlowLogAthena.Worker;

/// <summary>
/// What the worker reads, where it keeps its state, and its policies. Bound from the "Worker" configuration
/// section (appsettings, environment <c>Worker__JobsFolder</c>, command line <c>--Worker:JobsFolder</c>), or set
/// by <c>flowlog-athena serve</c> from its options.
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Folder of job files; every <c>*.yaml</c> and <c>*.yml</c> directly in it is loaded at start.</summary>
    public string JobsFolder { get; set; } = "";

    /// <summary>Folder for the run history (<c>history/&lt;job&gt;.jsonl</c>); created when missing.</summary>
    public string StateFolder { get; set; } = "";

    /// <summary>Folder of query packs the jobs are checked against.</summary>
    public string QueriesFolder { get; set; } = "";

    /// <summary>
    /// How old the latest missed occurrence may be for the worker to run it once at start (see docs/JOBS.md,
    /// "Missed runs"). Zero turns catch-up off.
    /// </summary>
    public TimeSpan CatchUpHorizon { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// At most this many job runs at once across all jobs; a run due while every slot is taken waits for one, with
    /// its scheduled instant (and so its window and output keys) unchanged. Each local run loads its window into
    /// memory and uses every core, so many jobs due at the same minute must not all start together.
    /// </summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>
    /// How long a stop waits for running jobs to stop their queries and record themselves. Keep it below the
    /// service manager's stop timeout (the systemd unit gives 120 s) so the worker exits on its own.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
