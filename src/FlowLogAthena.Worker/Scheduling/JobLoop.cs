using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Worker.Scheduling;

/// <summary>
/// Runs one job on its schedule until the worker stops. The loop awaits each run before it looks for the next
/// occurrence, so a job never overlaps itself. Occurrences that come due while a run is still going are skipped,
/// logged and recorded as <c>skipped</c>; an occurrence due exactly when the run ends still runs. All waiting
/// goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class JobLoop(JobDefinition job, WorkerContext context)
{
    /// <summary>Waits are cut into pieces no longer than this, so a far occurrence (a yearly cron) stays within a
    /// timer's range and a clock that jumps is looked at again.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly JobSchedule _schedule = job.Schedule ?? throw new ArgumentException($"Job {job.Name} has no schedule.", nameof(job));

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var after = await CatchUpAsync(stopping).ConfigureAwait(false);
            while (!stopping.IsCancellationRequested)
            {
                if (_schedule.Next(after) is not { } next)
                {
                    context.Logger.NoMoreOccurrences(job.Name, _schedule.Text);
                    return;
                }
                var local = TimeZoneInfo.ConvertTime(next, _schedule.TimeZone);
                context.Logger.NextRun(job.Name, next, local, _schedule.TimeZone.Id);
                await WaitUntilAsync(next, stopping).ConfigureAwait(false);
                after = await RunAsync(next, catchUp: false, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while waiting: nothing was running, nothing to record.
        }
    }

    /// <summary>Applies the missed-run policy; returns the instant after which to look for the next occurrence.</summary>
    private async Task<DateTimeOffset> CatchUpAsync(CancellationToken stopping)
    {
        var now = context.Clock.GetUtcNow();
        var history = await context.History.ReadAsync(job.Name, stopping).ConfigureAwait(false);
        if (history.UnreadableLines > 0) context.Logger.HistoryUnreadable(history.UnreadableLines, history.File);
        var decision = MissedRunPolicy.Decide(_schedule, history, now, context.CatchUpHorizon);
        switch (decision.Outcome)
        {
            case MissedRunOutcome.NewJob:
                context.Logger.NewJob(job.Name, history.File);
                break;
            case MissedRunOutcome.BeyondHorizon:
                context.Logger.MissedBeyondHorizon(job.Name, decision.Occurrence, decision.LastRun, context.CatchUpHorizon);
                break;
            case MissedRunOutcome.CatchUp:
                var occurrence = decision.Occurrence!.Value;
                context.Logger.CatchUp(job.Name, occurrence, decision.LastRun);
                var after = await RunAsync(occurrence, catchUp: true, stopping).ConfigureAwait(false);
                return after > now ? after : now;
        }
        return now;
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken stopping)
    {
        for (var left = at - context.Clock.GetUtcNow(); left > TimeSpan.Zero; left = at - context.Clock.GetUtcNow())
            await Task.Delay(left < LongestWait ? left : LongestWait, context.Clock, stopping).ConfigureAwait(false);
    }

    /// <summary>Runs one occurrence and records it, then records the occurrences it overlapped; returns the last
    /// occurrence handled, after which the loop looks for the next.</summary>
    private async Task<DateTimeOffset> RunAsync(DateTimeOffset at, bool catchUp, CancellationToken stopping)
    {
        var record = await ExecuteAsync(at, catchUp, stopping).ConfigureAwait(false);
        // The record is written even when stopping: a run cancelled by shutdown is history too.
        await context.History.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        var level = record.State == RunRecordState.Succeeded ? LogLevel.Information : LogLevel.Warning;
        context.Logger.RunFinished(level, job.Name, at, record.State, record.Manifest, record.Error);
        if (stopping.IsCancellationRequested) return at;

        var last = at;
        var ended = record.FinishedUtc!.Value;
        foreach (var skipped in _schedule.Cron.GetOccurrences(at, ended, _schedule.TimeZone, fromInclusive: false, toInclusive: false))
        {
            context.Logger.OccurrenceSkipped(job.Name, skipped, at);
            var error = $"the run for {at.UtcDateTime:u} was still going (it ended at {ended.UtcDateTime:u})";
            await context.History.AppendAsync(new RunRecord(job.Name, skipped, null, null, RunRecordState.Skipped, null, error), CancellationToken.None).ConfigureAwait(false);
            last = skipped;
        }
        return last;
    }

    private async Task<RunRecord> ExecuteAsync(DateTimeOffset at, bool catchUp, CancellationToken stopping)
    {
        var started = context.Clock.GetUtcNow();
        if (!context.TryTakeSlot())
        {
            context.Logger.WaitingForSlot(job.Name, at, context.MaxConcurrentRuns);
            try
            {
                await context.TakeSlotAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return new RunRecord(job.Name, at, started, context.Clock.GetUtcNow(), RunRecordState.Cancelled, null, "stopped by the worker's shutdown while waiting for a run slot", catchUp);
            }
            started = context.Clock.GetUtcNow();
        }
        context.Logger.RunStarting(job.Name, at, catchUp);
        context.RunStarted();
        try
        {
            var result = await context.Executor.RunAsync(job, at, stopping).ConfigureAwait(false);
            return new RunRecord(job.Name, at, started, context.Clock.GetUtcNow(), RunRecord.StateOf(result.State), result.Manifest, result.Error, catchUp);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The contract returns Cancelled; an executor that throws instead is recorded the same way.
            return new RunRecord(job.Name, at, started, context.Clock.GetUtcNow(), RunRecordState.Cancelled, null, "stopped by the worker's shutdown", catchUp);
        }
        catch (Exception e)
        {
            // A job that no longer validates, or an executor fault: this run failed, the schedule goes on.
            return new RunRecord(job.Name, at, started, context.Clock.GetUtcNow(), RunRecordState.Failed, null, e.Message, catchUp);
        }
        finally
        {
            context.RunEnded();
            context.ReturnSlot();
        }
    }
}
