namespace FlowLogAthena.Core.Jobs;

/// <summary>How a job run ended, which is also what its exit code says (see docs/JOBS.md).</summary>
public enum JobRunState
{
    /// <summary>Every query that could run succeeded and its outputs are written.</summary>
    Succeeded,

    /// <summary>Some queries succeeded (their outputs are written) and at least one failed.</summary>
    Partial,

    /// <summary>No query succeeded: every query failed, or the run could not start (source, engine, AWS).</summary>
    Failed,

    /// <summary>Stopped by cancellation (shutdown, Ctrl+C); running Athena queries were stopped.</summary>
    Cancelled,
}

/// <summary>What a run of a job did: its state, where its manifest is, and the query counts.</summary>
public sealed record JobRunResult(
    string Job,
    DateTimeOffset At,
    JobRunState State,
    int Succeeded,
    int Failed,
    int Skipped,
    string? Manifest,
    string? Error);

/// <summary>
/// Runs one job as of an instant (the instant decides the relative window and so the output keys). The CLI's
/// <c>job run</c> and the worker both go through this, so a scheduled run and a manual rerun do the same thing.
/// Bad input (the job no longer validates) throws <see cref="Errors.JobDefinitionException"/>; every other
/// outcome, including failed queries and cancellation, is a <see cref="JobRunResult"/>.
/// </summary>
public interface IJobExecutor
{
    /// <summary>The reports (<c>report:</c>) this executor can write; a job naming another is refused when loaded.</summary>
    IReadOnlyList<JobReportKind> ReportKinds => [];

    Task<JobRunResult> RunAsync(JobDefinition job, DateTimeOffset at, CancellationToken cancellationToken);
}
