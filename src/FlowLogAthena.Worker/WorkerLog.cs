using FlowLogAthena.Worker.History;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Worker;

/// <summary>
/// The worker's structured log events. Each has a fixed EventId (listed in docs/JOBS.md) and named values
/// (JobName, ScheduledAt, State, Manifest, Error, …) that a JSON or journald log keeps as fields.
/// Instants are kept as <see cref="DateTimeOffset"/> values and shown in UTC (<c>2026-03-29 01:00:00Z</c>).
/// </summary>
internal static partial class WorkerLog
{
    public const int JobLoadedId = 5001;
    public const int JobFileRejectedId = 5002;
    public const int JobUnscheduledId = 5003;
    public const int JobNameTakenId = 5004;
    public const int NoJobsId = 5005;
    public const int NextRunId = 5010;
    public const int RunStartingId = 5011;
    public const int RunFinishedId = 5012;
    public const int WaitingForSlotId = 5015;
    public const int OccurrenceSkippedId = 5013;
    public const int NoMoreOccurrencesId = 5014;
    public const int CatchUpId = 5020;
    public const int MissedBeyondHorizonId = 5021;
    public const int NewJobId = 5022;
    public const int HistoryUnreadableId = 5023;
    public const int StoppingId = 5030;

    [LoggerMessage(EventId = JobLoadedId, Level = LogLevel.Information,
        Message = "Job {JobName} loaded from {File}: schedule '{Schedule}' in {TimeZone}")]
    public static partial void JobLoaded(this ILogger logger, string jobName, string file, string schedule, string timeZone);

    [LoggerMessage(EventId = JobFileRejectedId, Level = LogLevel.Error,
        Message = "Job file {File} skipped, the other jobs still run: {Error}")]
    public static partial void JobFileRejected(this ILogger logger, string file, string error);

    [LoggerMessage(EventId = JobUnscheduledId, Level = LogLevel.Information,
        Message = "Job {JobName} ({File}) has no schedule: the worker ignores it (run it with `job run`)")]
    public static partial void JobUnscheduled(this ILogger logger, string jobName, string file);

    [LoggerMessage(EventId = JobNameTakenId, Level = LogLevel.Error,
        Message = "Job file {File} skipped: job {JobName} is already loaded from {OtherFile} (a job's name keys its history)")]
    public static partial void JobNameTaken(this ILogger logger, string file, string jobName, string otherFile);

    [LoggerMessage(EventId = NoJobsId, Level = LogLevel.Warning,
        Message = "No scheduled job in {JobsFolder}: the worker has nothing to run until it is restarted with job files there")]
    public static partial void NoJobs(this ILogger logger, string jobsFolder);

    [LoggerMessage(EventId = NextRunId, Level = LogLevel.Information,
        Message = "Job {JobName} next runs at {ScheduledAt:u} ({LocalTime:yyyy-MM-dd HH:mm:ss zzz} in {TimeZone})")]
    public static partial void NextRun(this ILogger logger, string jobName, DateTimeOffset scheduledAt, DateTimeOffset localTime, string timeZone);

    [LoggerMessage(EventId = RunStartingId, Level = LogLevel.Information,
        Message = "Job {JobName} run for {ScheduledAt:u} starting (catch-up: {CatchUp})")]
    public static partial void RunStarting(this ILogger logger, string jobName, DateTimeOffset scheduledAt, bool catchUp);

    [LoggerMessage(EventId = RunFinishedId,
        Message = "Job {JobName} run for {ScheduledAt:u} ended {State}; manifest: {Manifest}; error: {Error}")]
    public static partial void RunFinished(this ILogger logger, LogLevel level, string jobName, DateTimeOffset scheduledAt, RunRecordState state, string? manifest, string? error);

    [LoggerMessage(EventId = WaitingForSlotId, Level = LogLevel.Information,
        Message = "Job {JobName} run for {ScheduledAt:u} waits for a run slot: {MaxConcurrentRuns} runs are under way")]
    public static partial void WaitingForSlot(this ILogger logger, string jobName, DateTimeOffset scheduledAt, int maxConcurrentRuns);

    [LoggerMessage(EventId = OccurrenceSkippedId, Level = LogLevel.Warning,
        Message = "Job {JobName} occurrence {ScheduledAt:u} skipped: the run for {RunningScheduledAt:u} was still going")]
    public static partial void OccurrenceSkipped(this ILogger logger, string jobName, DateTimeOffset scheduledAt, DateTimeOffset runningScheduledAt);

    [LoggerMessage(EventId = NoMoreOccurrencesId, Level = LogLevel.Warning,
        Message = "Job {JobName} has no further occurrence of '{Schedule}'; it will not run again")]
    public static partial void NoMoreOccurrences(this ILogger logger, string jobName, string schedule);

    [LoggerMessage(EventId = CatchUpId, Level = LogLevel.Warning,
        Message = "Job {JobName} missed {ScheduledAt:u} while the worker was down (last run: {LastRun:u}); running it once now")]
    public static partial void CatchUp(this ILogger logger, string jobName, DateTimeOffset scheduledAt, DateTimeOffset? lastRun);

    [LoggerMessage(EventId = MissedBeyondHorizonId, Level = LogLevel.Warning,
        Message = "Job {JobName} missed runs since {ScheduledAt:u} (last run: {LastRun:u}), none within the catch-up horizon {Horizon}; not catching up")]
    public static partial void MissedBeyondHorizon(this ILogger logger, string jobName, DateTimeOffset? scheduledAt, DateTimeOffset? lastRun, TimeSpan horizon);

    [LoggerMessage(EventId = NewJobId, Level = LogLevel.Information,
        Message = "Job {JobName} has no run history yet ({History}): nothing to catch up")]
    public static partial void NewJob(this ILogger logger, string jobName, string history);

    [LoggerMessage(EventId = HistoryUnreadableId, Level = LogLevel.Warning,
        Message = "{Count} unreadable line(s) in {History} ignored (a write cut short by a crash, or an edit)")]
    public static partial void HistoryUnreadable(this ILogger logger, int count, string history);

    [LoggerMessage(EventId = StoppingId, Level = LogLevel.Information,
        Message = "Worker stopping; job runs under way, to be cancelled (their queries stopped) and recorded: {Running}")]
    public static partial void Stopping(this ILogger logger, int running);
}
