using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

/// <summary>A daily 02:30 Europe/Berlin job across both DST changes of 2026, on the fake clock.</summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Spring_forward_day_runs_once_at_three_cest()
    {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z), so 02:30 does not exist that day.
        using var rig = new WorkerRig(At("2026-03-28T12:00:00Z"));
        rig.AddJob("berlin.yaml", Jobs.Scheduled("berlin", "30 2 * * *", "Europe/Berlin"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();

        await rig.Clock.StepTo(At("2026-03-30T12:00:00Z"), Step);
        await rig.StopAsync();

        // 03:00 CEST on the 29th, then the usual 02:30 CEST (00:30Z) on the 30th.
        Assert.Equal([At("2026-03-29T01:00:00Z"), At("2026-03-30T00:30:00Z")], rig.Executor.Calls.Select(c => c.At));
        var first = TimeZoneInfo.ConvertTime(rig.Executor.Calls[0].At, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((3, 0, TimeSpan.FromHours(2)), (first.Hour, first.Minute, first.Offset));
        Assert.Equal([RunRecordState.Succeeded, RunRecordState.Succeeded], (await rig.RecordsOf("berlin")).Select(r => r.State));
    }

    [Fact]
    public async Task Fall_back_day_runs_once_though_two_thirty_happens_twice()
    {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00Z), so 02:30 comes at 00:30Z and again at 01:30Z.
        using var rig = new WorkerRig(At("2026-10-24T12:00:00Z"));
        rig.AddJob("berlin.yaml", Jobs.Scheduled("berlin", "30 2 * * *", "Europe/Berlin"));
        await rig.StartAsync();
        await rig.Clock.UntilWaiting();

        await rig.Clock.StepTo(At("2026-10-26T12:00:00Z"), Step);
        await rig.StopAsync();

        // The first 02:30 (CEST) on the 25th only, then 02:30 CET (01:30Z) on the 26th.
        Assert.Equal([At("2026-10-25T00:30:00Z"), At("2026-10-26T01:30:00Z")], rig.Executor.Calls.Select(c => c.At));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
