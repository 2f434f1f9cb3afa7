using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;
using FlowLogAthena.Worker.Scheduling;

namespace FlowLogAthena.Worker.Tests;

public sealed class MissedRunPolicyTests
{
    private static readonly JobSchedule Hourly = Schedule("0 * * * *");
    private static readonly DateTimeOffset Now = At("2026-11-10T09:20:00Z");

    [Fact]
    public void No_history_file_means_a_new_job_with_nothing_to_catch_up()
    {
        var decision = MissedRunPolicy.Decide(Hourly, new HistoryContent("h.jsonl", false, [], 0), Now, TimeSpan.FromDays(1));

        Assert.Equal(new MissedRunDecision(MissedRunOutcome.NewJob, null, null), decision);
    }

    [Theory]
    [InlineData("2026-11-10T09:00:00Z", "UpToDate", null)]
    [InlineData("2026-11-10T08:00:00Z", "CatchUp", "2026-11-10T09:00:00Z")]
    [InlineData("2026-11-01T08:00:00Z", "CatchUp", "2026-11-10T09:00:00Z")]
    public void The_latest_occurrence_not_run_is_caught_up_once(string lastRun, string outcome, string? occurrence)
    {
        var decision = MissedRunPolicy.Decide(Hourly, HistoryOf(Record(At(lastRun), RunRecordState.Succeeded)), Now, TimeSpan.FromHours(2));

        Assert.Equal(Enum.Parse<MissedRunOutcome>(outcome), decision.Outcome);
        Assert.Equal(occurrence is null ? null : At(occurrence), decision.Occurrence);
        Assert.Equal(At(lastRun), decision.LastRun);
    }

    [Theory]
    [InlineData(RunRecordState.Partial, "UpToDate")]
    [InlineData(RunRecordState.Failed, "UpToDate")]
    [InlineData(RunRecordState.Cancelled, "CatchUp")]
    [InlineData(RunRecordState.Skipped, "CatchUp")]
    public void Only_a_run_to_its_end_counts_as_run(RunRecordState state, string outcome)
    {
        var history = HistoryOf(Record(At("2026-11-10T08:00:00Z"), RunRecordState.Succeeded), Record(At("2026-11-10T09:00:00Z"), state));

        Assert.Equal(Enum.Parse<MissedRunOutcome>(outcome), MissedRunPolicy.Decide(Hourly, history, Now, TimeSpan.FromDays(1)).Outcome);
    }

    [Fact]
    public void An_occurrence_exactly_at_the_edge_of_the_horizon_is_still_caught_up()
    {
        var decision = MissedRunPolicy.Decide(Hourly, HistoryOf(Record(At("2026-11-10T07:00:00Z"), RunRecordState.Succeeded)), Now, TimeSpan.FromMinutes(20));

        Assert.Equal((MissedRunOutcome.CatchUp, At("2026-11-10T09:00:00Z")), (decision.Outcome, decision.Occurrence));
    }

    [Fact]
    public void Beyond_the_horizon_names_the_first_missed_occurrence()
    {
        var decision = MissedRunPolicy.Decide(Hourly, HistoryOf(Record(At("2026-11-10T07:00:00Z"), RunRecordState.Succeeded)), Now, TimeSpan.FromMinutes(19));

        Assert.Equal(new MissedRunDecision(MissedRunOutcome.BeyondHorizon, At("2026-11-10T08:00:00Z"), At("2026-11-10T07:00:00Z")), decision);
    }

    [Fact]
    public void A_zero_horizon_turns_catch_up_off()
    {
        var decision = MissedRunPolicy.Decide(Hourly, HistoryOf(Record(At("2026-11-10T08:00:00Z"), RunRecordState.Succeeded)), Now, TimeSpan.Zero);

        Assert.Equal(MissedRunOutcome.BeyondHorizon, decision.Outcome);
    }

    [Fact]
    public void Catch_up_follows_the_schedule_time_zone()
    {
        // 02:30 Berlin on spring-forward day is 03:00 CEST (01:00Z); the worker restarts at 04:00Z.
        var berlin = Schedule("30 2 * * *", "Europe/Berlin");
        var decision = MissedRunPolicy.Decide(berlin, HistoryOf(Record(At("2026-03-28T01:30:00Z"), RunRecordState.Succeeded)), At("2026-03-29T04:00:00Z"), TimeSpan.FromDays(1));

        Assert.Equal((MissedRunOutcome.CatchUp, At("2026-03-29T01:00:00Z")), (decision.Outcome, decision.Occurrence));
    }

    private static HistoryContent HistoryOf(params RunRecord[] records) => new("h.jsonl", true, records, 0);

    private static RunRecord Record(DateTimeOffset at, RunRecordState state) => new("job", at, at, at.AddMinutes(1), state, null, null);

    private static JobSchedule Schedule(string cron, string zone = "UTC")
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return new JobSchedule(cron, Cronos.CronExpression.Parse(cron), timeZone, 1);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
