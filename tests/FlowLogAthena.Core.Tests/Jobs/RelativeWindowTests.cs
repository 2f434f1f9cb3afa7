using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Core.Tests.Jobs;

public class RelativeWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static TimeWindow Resolve(string name, string nowUtc, TimeZoneInfo? zone = null) =>
        RelativeWindow.TryParse(name, out var reason)!.Resolve(DateTimeOffset.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture), zone ?? Berlin)
        ?? throw new InvalidOperationException(reason);

    private static void AssertWindow(TimeWindow window, string from, string to)
    {
        Assert.Equal(from, TimeWindow.Format(window.From));
        Assert.Equal(to, TimeWindow.Format(window.To));
    }

    [Theory]
    // A plain winter day in Berlin (UTC+1) is 24 hours from 23:00Z.
    [InlineData("2026-03-28T12:00:00Z", "2026-03-26T23:00:00Z", "2026-03-27T23:00:00Z")]
    // 2026-03-29 springs forward (02:00 → 03:00): that day is 23 hours long.
    [InlineData("2026-03-30T12:00:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")]
    // 2026-10-25 falls back (03:00 → 02:00): that day is 25 hours long.
    [InlineData("2026-10-26T12:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")]
    // 23:30Z on the 29th is already the 30th in Berlin (UTC+2), so yesterday is the 29th.
    [InlineData("2026-03-29T23:30:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")]
    public void Yesterday_is_the_previous_local_day_in_Berlin_across_DST(string now, string from, string to) =>
        AssertWindow(Resolve("yesterday", now), from, to);

    [Fact]
    public void Last_7d_across_spring_forward_is_one_hour_short_of_7_times_24()
    {
        var window = Resolve("last-7d", "2026-04-01T10:00:00Z");

        AssertWindow(window, "2026-03-24T23:00:00Z", "2026-03-31T22:00:00Z");
        Assert.Equal(TimeSpan.FromHours(7 * 24 - 1), window.To - window.From);
    }

    [Theory]
    // Monday 00:30 in Berlin is still Sunday in UTC: the zone decides which week was last week.
    [InlineData("2026-11-22T23:30:00Z", "Europe/Berlin", "2026-11-15T23:00:00Z", "2026-11-22T23:00:00Z")]
    [InlineData("2026-11-22T23:30:00Z", "UTC", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z")]
    // On a Sunday the current ISO week started on the Monday before, so last week is the one before that.
    [InlineData("2026-11-22T12:00:00Z", "UTC", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z")]
    // The week holding the fall-back Sunday (Mon 19 Oct to Mon 26 Oct 2026) is 7 days and an hour.
    [InlineData("2026-10-28T08:00:00Z", "Europe/Berlin", "2026-10-18T22:00:00Z", "2026-10-25T23:00:00Z")]
    public void Last_week_is_the_previous_ISO_week_from_Monday(string now, string zone, string from, string to) =>
        AssertWindow(Resolve("last-week", now, TimeZoneInfo.FindSystemTimeZoneById(zone)), from, to);

    [Theory]
    // 1 March 00:30 in Berlin is still 28 February in UTC: Berlin's last month is February, UTC's January.
    [InlineData("2026-02-28T23:30:00Z", "Europe/Berlin", "2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z")]
    [InlineData("2026-02-28T23:30:00Z", "UTC", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")]
    // A leap February, and March with its spring-forward day (ends at UTC+2).
    [InlineData("2028-03-31T12:00:00Z", "UTC", "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z")]
    [InlineData("2026-04-10T12:00:00Z", "Europe/Berlin", "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z")]
    // January's last month is December of the year before; the 31st runs like any other day.
    [InlineData("2027-01-31T12:00:00Z", "UTC", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    public void Last_month_is_the_previous_calendar_month(string now, string zone, string from, string to) =>
        AssertWindow(Resolve("last-month", now, TimeZoneInfo.FindSystemTimeZoneById(zone)), from, to);

    [Fact]
    public void A_skipped_local_midnight_starts_the_day_at_the_transition()
    {
        // Chile springs forward at midnight: 2026-09-06 00:00 (UTC-4) becomes 01:00 (UTC-3) at 04:00Z.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        Assert.True(santiago.IsInvalidTime(new DateTime(2026, 9, 6, 0, 0, 0, DateTimeKind.Unspecified)));

        Assert.Equal("2026-09-06T04:00:00Z", TimeWindow.Format(RelativeWindow.StartOfDay(new DateOnly(2026, 9, 6), santiago)));
        Assert.Equal("2026-09-07T03:00:00Z", TimeWindow.Format(RelativeWindow.StartOfDay(new DateOnly(2026, 9, 7), santiago)));
    }

    [Fact]
    public void A_repeated_local_midnight_starts_the_day_at_its_first_occurrence()
    {
        // Cuba falls back at 01:00 CDT to 00:00 CST: on 2026-11-01 midnight happens at 04:00Z and again at 05:00Z.
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        Assert.True(havana.IsAmbiguousTime(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Unspecified)));

        Assert.Equal("2026-11-01T04:00:00Z", TimeWindow.Format(RelativeWindow.StartOfDay(new DateOnly(2026, 11, 1), havana)));
        AssertWindow(Resolve("yesterday", "2026-11-02T12:00:00Z", havana), "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z");
    }

    [Theory]
    [InlineData("last-fortnight", "not a relative window")]
    [InlineData("last-0d", "1 to 366 days")]
    [InlineData("last-400d", "1 to 366 days")]
    [InlineData("Yesterday", "not a relative window")]
    public void Unknown_names_are_refused_with_a_reason(string name, string reason)
    {
        Assert.Null(RelativeWindow.TryParse(name, out var message));
        Assert.Contains(reason, message);
    }

    [Fact]
    public void Last_nd_counts_whole_days()
    {
        Assert.Equal(RelativeWindowKind.Days, RelativeWindow.TryParse("last-30d", out _)!.Kind);
        AssertWindow(Resolve("last-30d", "2026-11-23T00:10:00Z", TimeZoneInfo.Utc), "2026-10-24T00:00:00Z", "2026-11-23T00:00:00Z");
    }
}
