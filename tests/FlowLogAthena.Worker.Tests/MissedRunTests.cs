using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

/// <summary>
/// The worker starts after being down: the history says when the daily 06:30 UTC job last ran, and the worker
/// runs the latest missed occurrence once, if it is within the catch-up horizon.
/// </summary>
public sealed class MissedRunTests
{
    private static readonly DateTimeOffset Now = At("2026-11-10T09:00:00Z");
    private static readonly DateTimeOffset LatestOccurrence = At("2026-11-10T06:30:00Z");

    [Fact]
    public async Task Last_run_three_days_ago_gives_exactly_one_catch_up_run_for_the_latest_occurrence()
    {
        using var rig = await StartAfterDowntime(lastRun: At("2026-11-07T06:30:00Z"), horizon: TimeSpan.FromDays(1));

        var call = Assert.Single(rig.Executor.Calls);
        Assert.Equal(LatestOccurrence, call.At);
        var records = await rig.RecordsOf("daily");
        Assert.Equal((LatestOccurrence, RunRecordState.Succeeded, true), (records[^1].ScheduledAt, records[^1].State, records[^1].CatchUp));
        var logged = Assert.Single(rig.Logs.Of(WorkerLog.CatchUpId));
        Assert.Equal((LatestOccurrence, At("2026-11-07T06:30:00Z")), ((DateTimeOffset)logged["ScheduledAt"]!, (DateTimeOffset?)logged["LastRun"]));

        // Then the schedule goes on as usual: the next day's run, and nothing twice.
        await rig.Clock.StepTo(At("2026-11-11T07:00:00Z"), TimeSpan.FromHours(1));
        await rig.StopAsync();
        Assert.Equal([LatestOccurrence, At("2026-11-11T06:30:00Z")], rig.Executor.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task Latest_missed_occurrence_beyond_the_horizon_is_not_caught_up()
    {
        // 06:30 is two and a half hours before now; the horizon is one hour.
        using var rig = await StartAfterDowntime(lastRun: At("2026-11-07T06:30:00Z"), horizon: TimeSpan.FromHours(1));
        await rig.StopAsync();

        Assert.Empty(rig.Executor.Calls);
        var logged = Assert.Single(rig.Logs.Of(WorkerLog.MissedBeyondHorizonId));
        Assert.Equal(At("2026-11-08T06:30:00Z"), logged["ScheduledAt"]);
    }

    [Fact]
    public async Task Latest_occurrence_already_run_is_not_run_again()
    {
        using var rig = await StartAfterDowntime(lastRun: LatestOccurrence, horizon: TimeSpan.FromDays(1));
        await rig.StopAsync();

        Assert.Empty(rig.Executor.Calls);
        Assert.Empty(rig.Logs.Of(WorkerLog.CatchUpId));
    }

    [Fact]
    public async Task A_run_cancelled_by_the_last_shutdown_is_run_again()
    {
        using var rig = await StartAfterDowntime(lastRun: At("2026-11-09T06:30:00Z"), horizon: TimeSpan.FromDays(1),
            alsoRecorded: new RunRecord("daily", LatestOccurrence, LatestOccurrence, LatestOccurrence.AddMinutes(1), RunRecordState.Cancelled, null, "stopped"));
        await rig.StopAsync();

        Assert.Equal([LatestOccurrence], rig.Executor.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task A_job_without_history_waits_for_its_next_occurrence()
    {
        using var rig = new WorkerRig(Now);
        rig.AddJob("daily.yaml", Jobs.Scheduled("daily", "30 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();
        await rig.StopAsync();

        Assert.Empty(rig.Executor.Calls);
        Assert.Single(rig.Logs.Of(WorkerLog.NewJobId));
    }

    private static async Task<WorkerRig> StartAfterDowntime(DateTimeOffset lastRun, TimeSpan horizon, RunRecord? alsoRecorded = null)
    {
        var rig = new WorkerRig(Now);
        rig.Options.CatchUpHorizon = horizon;
        rig.AddJob("daily.yaml", Jobs.Scheduled("daily", "30 6 * * *"));
        await rig.History.AppendAsync(new RunRecord("daily", lastRun, lastRun, lastRun.AddMinutes(4), RunRecordState.Succeeded, "m.json", null), CancellationToken.None);
        if (alsoRecorded is not null) await rig.History.AppendAsync(alsoRecorded, CancellationToken.None);
        await rig.StartAsync();
        // The loop arms its timer only after the missed-run decision and any catch-up run are done.
        await rig.Clock.UntilWaiting();
        return rig;
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
