using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

/// <summary>Loading the jobs folder: a bad file is logged with its FILE:LINE reason and skipped; the others still run.</summary>
public sealed class JobFolderTests
{
    [Fact]
    public async Task A_bad_job_file_does_not_stop_the_others()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        rig.AddJob("a-good.yaml", Jobs.Scheduled("good", "30 6 * * *"));
        var unknownQuery = rig.AddJob("b-unknown-query.yaml", Jobs.Scheduled("unknown", "30 6 * * *").Replace("[top-talkers]", "[top-talker]", StringComparison.Ordinal));
        var badCron = rig.AddJob("c-bad-cron.yml", Jobs.Scheduled("badcron", "61 6 * * *"));
        var notYaml = rig.AddJob("d-broken.yaml", "name: [broken");
        rig.AddJob("e-manual.yml", Jobs.Unscheduled("manual"));
        var twin = rig.AddJob("f-twin.yaml", Jobs.Scheduled("good", "0 7 * * *"));
        rig.AddJob("README.txt", "not a job");
        rig.AddJob("g-also-good.yml", Jobs.Scheduled("also-good", "45 6 * * *"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting(timers: 2);

        await rig.Clock.StepTo(At("2026-11-10T07:00:00Z"), TimeSpan.FromMinutes(5), waitingTimers: 2);
        await rig.StopAsync();

        Assert.Equal([("good", At("2026-11-10T06:30:00Z")), ("also-good", At("2026-11-10T06:45:00Z"))], rig.Executor.Calls.Select(c => (c.Job, c.At)));
        var rejected = rig.Logs.Of(WorkerLog.JobFileRejectedId).ToDictionary(e => (string)e["File"]!, e => (string)e["Error"]!);
        Assert.Equal([unknownQuery, badCron, notYaml], rejected.Keys);
        // Each reason is the FILE:LINE message `job validate` prints.
        Assert.StartsWith($"{unknownQuery}:4: ", rejected[unknownQuery], StringComparison.Ordinal);
        Assert.Contains("No query 'top-talker'", rejected[unknownQuery], StringComparison.Ordinal);
        Assert.Contains("Did you mean 'top-talkers'?", rejected[unknownQuery], StringComparison.Ordinal);
        Assert.StartsWith($"{badCron}:10: schedule '61 6 * * *'", rejected[badCron], StringComparison.Ordinal);
        Assert.StartsWith($"{notYaml}:2: not valid YAML", rejected[notYaml], StringComparison.Ordinal);
        Assert.Equal("manual", Assert.Single(rig.Logs.Of(WorkerLog.JobUnscheduledId))["JobName"]);
        var taken = Assert.Single(rig.Logs.Of(WorkerLog.JobNameTakenId));
        Assert.Equal((twin, "good"), ((string)taken["File"]!, (string)taken["JobName"]!));
        Assert.Equal(["also-good", "good"], rig.Logs.Of(WorkerLog.JobLoadedId).Select(e => (string)e["JobName"]!).Order(StringComparer.Ordinal));
        Assert.Equal(RunRecordState.Succeeded, Assert.Single(await rig.RecordsOf("good")).State);
    }

    [Fact]
    public async Task A_folder_without_scheduled_jobs_logs_it_and_waits_for_nothing()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        rig.AddJob("manual.yaml", Jobs.Unscheduled("manual"));
        await rig.StartAsync();
        await rig.Changes.Until(() => rig.Logs.Of(WorkerLog.NoJobsId).Count == 1, "the no-jobs warning");
        await rig.StopAsync();

        Assert.Equal(0, rig.Clock.LiveTimers);
        Assert.Empty(rig.Executor.Calls);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
