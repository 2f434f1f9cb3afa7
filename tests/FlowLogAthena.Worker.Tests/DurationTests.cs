namespace FlowLogAthena.Worker.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("12h", 43200)]
    [InlineData("1d", 86400)]
    [InlineData("1.5d", 129600)]
    [InlineData("2.00:00:00", 172800)]
    public void Parses_the_forms_people_write(string text, int seconds)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("1w")]
    [InlineData("-1d")]
    [InlineData("-01:00:00")]
    [InlineData("soon")]
    public void Refuses_anything_else(string text) => Assert.False(Duration.TryParse(text, out _));
}
