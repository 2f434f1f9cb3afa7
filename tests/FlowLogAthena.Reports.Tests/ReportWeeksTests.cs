using FlowLogAthena.Reports.Sections;

namespace FlowLogAthena.Reports.Tests;

public sealed class ReportWeeksTests
{
    [Fact]
    public void The_previous_week_has_the_same_length_and_ends_where_the_report_week_starts()
    {
        var weeks = ReportWeeks.For(TimeWindow.Parse("2026-11-02", "2026-11-09"));
        Assert.Equal(TimeWindow.Parse("2026-10-26", "2026-11-02"), weeks.Previous);

        var odd = ReportWeeks.For(TimeWindow.Parse("2026-11-02T12:00:00Z", "2026-11-05T00:00:00Z"));
        Assert.Equal(TimeWindow.Parse("2026-10-31T00:00:00Z", "2026-11-02T12:00:00Z"), odd.Previous);
    }

    [Fact]
    public void Days_are_utc_calendar_days_clipped_to_the_window()
    {
        var days = ReportWeeks.Days(TimeWindow.Parse("2026-11-02T12:00:00Z", "2026-11-04T06:00:00Z"));
        Assert.Equal(
        [
            TimeWindow.Parse("2026-11-02T12:00:00Z", "2026-11-03T00:00:00Z"),
            TimeWindow.Parse("2026-11-03", "2026-11-04"),
            TimeWindow.Parse("2026-11-04T00:00:00Z", "2026-11-04T06:00:00Z"),
        ], days);
        Assert.Equal(7, ReportWeeks.Days(TimeWindow.Parse("2026-11-02", "2026-11-09")).Count);
    }

    [Theory]
    [InlineData(110, 100, "+10.0 %")]
    [InlineData(90, 100, "-10.0 %")]
    [InlineData(1, 3, "-66.7 %")]
    [InlineData(100, 100, "0.0 %")]
    [InlineData(5, 0, "new")]
    [InlineData(0, 0, "0.0 %")]
    [InlineData(100005, 100000, "0.0 %")]
    [InlineData(99995, 100000, "0.0 %")]
    [InlineData(100050, 100000, "+0.1 %")]
    public void Change_is_a_percentage_of_the_previous_week_rounded_half_away_from_zero(long current, long previous, string expected) =>
        Assert.Equal(expected, NumberText.Change(current, previous));
}
