using System.Diagnostics;

namespace FlowLogAthena.Worker.Tests;

/// <summary>One worker per state folder, and a state folder that cannot be used stops the start before any run.</summary>
public sealed class StateFolderLockTests
{
    [Fact]
    public async Task A_second_worker_on_the_same_state_folder_refuses_to_start_naming_the_first()
    {
        using var first = new WorkerRig(At("2026-11-10T05:00:00Z"));
        first.AddJob("a.yaml", Jobs.Scheduled("a", "30 6 * * *"));
        await first.StartAsync();
        using var second = new WorkerRig(At("2026-11-10T05:00:00Z"));
        second.Options.JobsFolder = first.JobsFolder;
        second.Options.StateFolder = first.StateFolder;

        var error = await Assert.ThrowsAsync<WorkerSettingsException>(second.StartAsync);

        Assert.True(error.IsBadInput);
        Assert.Contains($"the state folder '{first.StateFolder}' is in use by another worker (pid {Environment.ProcessId}, started 2026-11-10T05:00:00Z", error.Message, StringComparison.Ordinal);
        await first.StopAsync();
    }

    [Fact]
    public async Task A_state_folder_that_is_a_file_fails_the_start_naming_it()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        Directory.CreateDirectory(rig.Root);
        File.WriteAllText(rig.StateFolder, "not a folder");

        var error = await Assert.ThrowsAsync<WorkerSettingsException>(rig.StartAsync);

        Assert.Contains($"the state folder '{rig.StateFolder}' cannot be used", error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Executor.Calls);
    }

    [Fact]
    public async Task A_history_folder_that_is_a_file_fails_the_start_instead_of_losing_records_later()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        Directory.CreateDirectory(rig.StateFolder);
        File.WriteAllText(rig.History.Folder, "not a folder");

        var error = await Assert.ThrowsAsync<WorkerSettingsException>(rig.StartAsync);

        Assert.Contains("the run history folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_files_that_are_not_files_or_are_hostile_yaml_are_skipped_and_the_good_job_still_loads()
    {
        using var rig = new WorkerRig(At("2026-11-10T05:00:00Z"));
        rig.AddJob("a-good.yaml", Jobs.Scheduled("good", "30 6 * * *"));
        var deep = rig.AddJob("b-deep.yaml", "name: deep\nqueries: " + new string('[', 10_000));
        var binary = Path.Combine(rig.JobsFolder, "c-binary.yaml");
        File.WriteAllBytes(binary, [0xFF, 0xFE, 0x00, 0xC3, 0x28]);
        var fifo = Path.Combine(rig.JobsFolder, "d-fifo.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var loop = Path.Combine(rig.JobsFolder, "e-loop.yml");
        File.CreateSymbolicLink(loop, loop);
        var device = Path.Combine(rig.JobsFolder, "f-device.yml");
        File.CreateSymbolicLink(device, "/dev/zero");
        var empty = rig.AddJob("g-empty.yaml", "");

        await rig.StartAsync();
        await rig.StopAsync();

        var rejected = rig.Logs.Of(WorkerLog.JobFileRejectedId).ToDictionary(e => (string)e["File"]!, e => (string)e["Error"]!);
        Assert.Equal([deep, binary, fifo, loop, device, empty], rejected.Keys);
        Assert.Contains("nested deeper than 32 levels", rejected[deep], StringComparison.Ordinal);
        Assert.Contains("is a FIFO (named pipe)", rejected[fifo], StringComparison.Ordinal);
        Assert.Contains("is a character device", rejected[device], StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(rig.Logs.Of(WorkerLog.JobLoadedId))["JobName"]);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
