using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Scheduling;

/// <summary>What the worker does at start about occurrences that came due while it was down.</summary>
public enum MissedRunOutcome
{
    /// <summary>The job has no history file yet: it is new here, nothing was missed; it waits for its next occurrence.</summary>
    NewJob,

    /// <summary>No occurrence came due since the last run.</summary>
    UpToDate,

    /// <summary>Run the latest missed occurrence once, now.</summary>
    CatchUp,

    /// <summary>Occurrences were missed, but even the latest is older than the horizon (or catch-up is off).</summary>
    BeyondHorizon,
}

/// <param name="Occurrence">For <see cref="MissedRunOutcome.CatchUp"/> the occurrence to run; for
/// <see cref="MissedRunOutcome.BeyondHorizon"/> the first missed one.</param>
/// <param name="LastRun">The latest occurrence the history says was run to an end, if any.</param>
public sealed record MissedRunDecision(MissedRunOutcome Outcome, DateTimeOffset? Occurrence, DateTimeOffset? LastRun);

/// <summary>
/// The missed-run policy. The latest occurrence at or before now that the history does not show as run to an end
/// (succeeded, partial or failed) is run once, if it is within the catch-up horizon. Only the latest, never once
/// per missed occurrence: a job's window is relative to the occurrence, so older occurrences' windows are what
/// their own reruns (<c>job run --at</c>) are for. A cancelled run (the worker was stopped mid-run) or a crash
/// mid-run (no record at all) counts as not run.
/// </summary>
public static class MissedRunPolicy
{
    public static MissedRunDecision Decide(JobSchedule schedule, HistoryContent history, DateTimeOffset now, TimeSpan horizon)
    {
        if (!history.Exists) return new MissedRunDecision(MissedRunOutcome.NewJob, null, null);

        DateTimeOffset? lastRun = history.Records.Where(r => r.RanToEnd).Select(r => (DateTimeOffset?)r.ScheduledAt).Max();
        var firstMissed = lastRun is { } last ? schedule.Next(last) : null;
        if (lastRun is not null && (firstMissed is null || firstMissed > now))
            return new MissedRunDecision(MissedRunOutcome.UpToDate, null, lastRun);

        var latest = horizon > TimeSpan.Zero
            ? schedule.Cron.GetOccurrences(now - horizon, now, schedule.TimeZone, fromInclusive: true, toInclusive: true).Cast<DateTimeOffset?>().LastOrDefault()
            : null;
        if (latest is { } occurrence && (lastRun is null || occurrence > lastRun))
            return new MissedRunDecision(MissedRunOutcome.CatchUp, occurrence, lastRun);
        return new MissedRunDecision(MissedRunOutcome.BeyondHorizon, firstMissed, lastRun);
    }
}
