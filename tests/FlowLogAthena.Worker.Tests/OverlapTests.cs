using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

/// <summary>A job due every minute whose runs take three minutes never runs twice at once; what it skips is said.</summary>
public sealed class OverlapTests
{
    [Fact]
    public async Task Occurrences_due_while_a_run_goes_on_are_skipped_logged_and_recorded()
    {
        using var rig = new WorkerRig(At("2026-11-10T10:00:30Z"), gated: true);
        rig.AddJob("minutely.yaml", Jobs.Scheduled("minutely", "* * * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();

        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var first = await rig.Executor.UntilCall(1);
        await TakeThreeMinutes(rig, first);
        var second = await rig.Executor.UntilCall(2);
        await TakeThreeMinutes(rig, second);
        var third = await rig.Executor.UntilCall(3);
        third.Release(JobRunState.Succeeded); // ends at once, at 10:07
        await rig.Clock.UntilWaiting();
        await rig.StopAsync();

        Assert.Equal(1, rig.Executor.MostAtOnceForOneJob);
        // A run that ends exactly at an occurrence (10:04, 10:07) lets that occurrence run at once.
        Assert.Equal([At("2026-11-10T10:01:00Z"), At("2026-11-10T10:04:00Z"), At("2026-11-10T10:07:00Z")], rig.Executor.Calls.Select(c => c.At));
        var records = await rig.RecordsOf("minutely");
        Assert.Equal(
            [("10:01", RunRecordState.Succeeded), ("10:02", RunRecordState.Skipped), ("10:03", RunRecordState.Skipped),
             ("10:04", RunRecordState.Succeeded), ("10:05", RunRecordState.Skipped), ("10:06", RunRecordState.Skipped),
             ("10:07", RunRecordState.Succeeded)],
            records.Select(r => (r.ScheduledAt.UtcDateTime.ToString("HH:mm"), r.State)));
        var skipped = records.First(r => r.State == RunRecordState.Skipped);
        Assert.Null(skipped.StartedUtc);
        Assert.Equal("the run for 2026-11-10 10:01:00Z was still going (it ended at 2026-11-10 10:04:00Z)", skipped.Error);
        var logged = rig.Logs.Of(WorkerLog.OccurrenceSkippedId);
        Assert.Equal(
            [(At("2026-11-10T10:02:00Z"), At("2026-11-10T10:01:00Z")), (At("2026-11-10T10:03:00Z"), At("2026-11-10T10:01:00Z")),
             (At("2026-11-10T10:05:00Z"), At("2026-11-10T10:04:00Z")), (At("2026-11-10T10:06:00Z"), At("2026-11-10T10:04:00Z"))],
            logged.Select(e => ((DateTimeOffset)e["ScheduledAt"]!, (DateTimeOffset)e["RunningScheduledAt"]!)));
        Assert.All(logged, e => Assert.Equal("minutely", e["JobName"]));
    }

    private static async Task TakeThreeMinutes(WorkerRig rig, Fakes.FakeExecutor.Call call)
    {
        // The worker is awaiting the run and holds no timer: the clock can move freely.
        Assert.Equal(0, rig.Clock.LiveTimers);
        for (var minute = 0; minute < 3; minute++) rig.Clock.Advance(TimeSpan.FromMinutes(1));
        call.Release(JobRunState.Succeeded);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
