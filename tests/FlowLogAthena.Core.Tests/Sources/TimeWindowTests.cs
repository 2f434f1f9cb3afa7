namespace FlowLogAthena.Core.Tests.Sources;

public class TimeWindowTests
{
    [Fact]
    public void Dates_are_UTC_midnights()
    {
        var window = TimeWindow.Parse("2026-11-02", "2026-11-04");
        Assert.Equal(new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), window.From);
        Assert.Equal(1793577600, window.FromUnixSeconds);
        Assert.Equal(1793750400, window.ToUnixSecondsExclusive);
    }

    [Theory]
    [InlineData("2026-11-02T13:00:00Z", 13)]
    [InlineData("2026-11-02T15:00:00+02:00", 13)]
    [InlineData("2026-11-02T13:00", 13)]
    [InlineData("2026-11-02 13:00:00", 13)]
    public void Timestamps_are_converted_to_UTC(string text, int expectedHour)
    {
        var instant = TimeWindow.ParseInstant(text, "--from");
        Assert.Equal(DateTimeKind.Utc, instant.Kind);
        Assert.Equal(expectedHour, instant.Hour);
    }

    [Theory]
    [InlineData("2026-11-04", "2026-11-02")]
    [InlineData("2026-11-02", "2026-11-02")]
    public void A_window_whose_end_is_not_after_its_start_is_refused(string from, string to)
    {
        var error = Assert.Throws<TimeWindowException>(() => TimeWindow.Parse(from, to));
        Assert.Contains("must be after --from", error.Message);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("02/11/2026")]
    public void Unparsable_bounds_name_the_option(string text)
    {
        var error = Assert.Throws<TimeWindowException>(() => TimeWindow.Parse(text, "2026-11-04"));
        Assert.StartsWith("--from '", error.Message);
    }

    [Fact]
    public void Sub_second_end_rounds_up_so_the_bound_stays_exclusive()
    {
        var window = new TimeWindow(new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 0, 0, 1, DateTimeKind.Utc).AddMilliseconds(500));
        Assert.Equal(window.FromUnixSeconds + 2, window.ToUnixSecondsExclusive);
    }
}
