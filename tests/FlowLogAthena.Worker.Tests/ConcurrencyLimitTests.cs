using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

/// <summary>Jobs due at the same minute share the run slots: never more than the limit at once, none lost, windows unchanged.</summary>
public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task Three_jobs_due_together_with_one_slot_run_one_after_another_each_for_its_own_occurrence()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:59:30Z"), gated: true);
        rig.Options.MaxConcurrentRuns = 1;
        foreach (var name in new[] { "alpha", "beta", "gamma" }) rig.AddJob(name + ".yaml", Jobs.Scheduled(name, "0 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting(timers: 3);

        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var first = await rig.Executor.UntilCall(1);
        await rig.Logs.Until(WorkerLog.WaitingForSlotId, 2); // the other two wait for the slot
        Assert.Single(rig.Executor.Calls);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        first.Release(JobRunState.Succeeded);
        var second = await rig.Executor.UntilCall(2);
        Assert.Equal(2, rig.Executor.Calls.Count);
        second.Release(JobRunState.Succeeded);
        var third = await rig.Executor.UntilCall(3);
        third.Release(JobRunState.Succeeded);
        await rig.Clock.UntilWaiting(timers: 3); // every loop waits for tomorrow
        await rig.StopAsync();

        Assert.Equal(1, rig.Executor.MostAtOnceOverall);
        Assert.Equal(["alpha", "beta", "gamma"], rig.Executor.Calls.Select(c => c.Job).Order(StringComparer.Ordinal));
        Assert.All(rig.Executor.Calls, c => Assert.Equal(At("2026-11-10T06:00:00Z"), c.At)); // a wait never moves the window
        foreach (var name in new[] { "alpha", "beta", "gamma" })
            Assert.Equal(RunRecordState.Succeeded, Assert.Single(await rig.RecordsOf(name)).State);
    }

    [Fact]
    public async Task A_stop_while_waiting_for_a_slot_records_the_waiting_run_as_cancelled()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:59:30Z"), gated: true);
        rig.Options.MaxConcurrentRuns = 1;
        rig.AddJob("alpha.yaml", Jobs.Scheduled("alpha", "0 6 * * *"));
        rig.AddJob("beta.yaml", Jobs.Scheduled("beta", "0 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting(timers: 2);
        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var running = await rig.Executor.UntilCall(1);
        await rig.Logs.Until(WorkerLog.WaitingForSlotId, 1);

        var stop = rig.StopAsync();
        await running.SawCancellation.Task;
        running.Release(JobRunState.Cancelled);
        await stop;

        Assert.Single(rig.Executor.Calls);
        var waiting = running.Job == "alpha" ? "beta" : "alpha";
        var record = Assert.Single(await rig.RecordsOf(waiting));
        Assert.Equal(RunRecordState.Cancelled, record.State);
        Assert.Contains("waiting for a run slot", record.Error);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
