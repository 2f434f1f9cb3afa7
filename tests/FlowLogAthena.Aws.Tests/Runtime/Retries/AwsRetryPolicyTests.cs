namespace FlowLogAthena.Aws.Tests.Runtime.Retries;

public sealed class AwsRetryPolicyTests
{
    [Fact]
    public void Standard_is_the_default_with_three_attempts_base_one_second_cap_twenty_and_a_quota()
    {
        var policy = AwsRetryPolicy.Default;

        Assert.Equal(RetryMode.Standard, policy.Mode);
        Assert.Equal(3, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), policy.MaxDelay);
        Assert.True(policy.UsesQuota);
        Assert.Equal(5, AwsRetryPolicy.For(RetryMode.Legacy).MaxAttempts);
        Assert.False(AwsRetryPolicy.For(RetryMode.Legacy).UsesQuota);
        Assert.Equal(7, AwsRetryPolicy.For(RetryMode.Adaptive, 7).MaxAttempts);
    }

    [Fact]
    public void Standard_backoff_is_full_jitter_below_the_capped_exponential_and_uses_the_whole_range()
    {
        var policy = AwsRetryPolicy.Default;
        var random = new Random(7);
        for (var retry = 0; retry < 12; retry++)
        {
            var ceiling = Math.Min(20_000, 1000 * Math.Pow(2, retry));
            var delays = Enumerable.Range(0, 400).Select(_ => policy.DelayBefore(retry, random).TotalMilliseconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, 0, ceiling));
            // Full jitter: waits spread from near zero to near the ceiling, not bunched at it.
            Assert.True(delays.Min() < ceiling * 0.05, $"retry {retry}: smallest wait {delays.Min()} ms");
            Assert.True(delays.Max() > ceiling * 0.95, $"retry {retry}: largest wait {delays.Max()} ms");
        }
    }

    [Fact]
    public void Legacy_backoff_keeps_doubling_without_the_cap()
    {
        var policy = AwsRetryPolicy.For(RetryMode.Legacy);
        var random = new Random(3);

        var waits = Enumerable.Range(0, 2000).Select(_ => policy.DelayBefore(5, random).TotalSeconds).ToList();

        Assert.All(waits, w => Assert.InRange(w, 0, 32));
        Assert.Contains(waits, w => w > 20);
    }
}
