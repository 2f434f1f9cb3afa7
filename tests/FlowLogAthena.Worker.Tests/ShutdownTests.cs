using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

/// <summary>Stopping the worker cancels the run in progress, waits for it, and records it as cancelled.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_run_in_progress_is_cancelled_awaited_and_recorded()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"), gated: true);
        rig.AddJob("nightly.yaml", Jobs.Scheduled("nightly", "30 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();
        rig.Clock.Advance(TimeSpan.FromMinutes(90));
        var run = await rig.Executor.UntilCall(1);

        var stopping = rig.StopAsync();
        await run.SawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The executor has been told, but is still stopping its queries: the stop must wait for it.
        Assert.False(stopping.IsCompleted);
        Assert.Empty(await rig.RecordsOf("nightly"));
        run.Release(JobRunState.Cancelled);
        await stopping;

        var record = Assert.Single(await rig.RecordsOf("nightly"));
        Assert.Equal((At("2026-11-10T06:30:00Z"), RunRecordState.Cancelled), (record.ScheduledAt, record.State));
        Assert.NotNull(record.FinishedUtc);
        Assert.Equal(1, Assert.Single(rig.Logs.Of(WorkerLog.StoppingId))["Running"]);
        var finished = Assert.Single(rig.Logs.Of(WorkerLog.RunFinishedId));
        Assert.Equal(RunRecordState.Cancelled, finished["State"]);
    }

    [Fact]
    public async Task An_executor_that_throws_on_cancellation_is_recorded_as_cancelled_too()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"), gated: true);
        rig.AddJob("nightly.yaml", Jobs.Scheduled("nightly", "30 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();
        rig.Clock.Advance(TimeSpan.FromMinutes(90));
        var run = await rig.Executor.UntilCall(1);

        var stopping = rig.StopAsync();
        await run.SawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(30));
        run.Outcome.TrySetCanceled();
        await stopping;

        var record = Assert.Single(await rig.RecordsOf("nightly"));
        Assert.Equal(RunRecordState.Cancelled, record.State);
        Assert.Equal("stopped by the worker's shutdown", record.Error);
    }

    [Fact]
    public async Task Stopping_while_waiting_records_nothing()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        rig.AddJob("nightly.yaml", Jobs.Scheduled("nightly", "30 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();

        await rig.StopAsync();

        Assert.Equal(0, rig.Clock.LiveTimers);
        Assert.Empty(rig.Executor.Calls);
        Assert.False(File.Exists(rig.History.FileOf("nightly")));
    }

    [Fact]
    public async Task A_history_that_cannot_be_written_fails_the_worker_instead_of_running_unrecorded()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        rig.AddJob("nightly.yaml", Jobs.Scheduled("nightly", "30 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();
        // Checked at start (StateFolderLockTests); here the history folder is taken away while the worker runs.
        Directory.Delete(rig.History.Folder, recursive: true);
        File.WriteAllText(rig.History.Folder, "a file where the history folder should be");
        rig.Clock.Advance(TimeSpan.FromMinutes(90));

        var failure = await Assert.ThrowsAnyAsync<IOException>(() => rig.Execution!.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("history", failure.Message, StringComparison.Ordinal);
        Assert.Single(rig.Executor.Calls);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
