namespace FlowLogAthena.Aws.Tests.Runtime.Retries;

public sealed class RetryQuotaTests
{
    [Fact]
    public void Retries_spend_five_timeouts_ten_and_an_empty_quota_refuses()
    {
        var quota = new RetryQuota(capacity: 22);

        Assert.True(quota.TryAcquire(RetryableFailure.Throttling, out var first));
        Assert.True(quota.TryAcquire(RetryableFailure.Timeout, out var second));
        Assert.True(quota.TryAcquire(RetryableFailure.Network, out _));
        Assert.Equal(5, first);
        Assert.Equal(10, second);
        Assert.Equal(2, quota.Available);
        Assert.False(quota.TryAcquire(RetryableFailure.Transient, out var refused));
        Assert.Equal(0, refused);
        Assert.Equal(2, quota.Available);
    }

    [Fact]
    public void Successes_refill_the_quota_up_to_its_capacity()
    {
        var quota = new RetryQuota(capacity: 20);
        quota.TryAcquire(RetryableFailure.Timeout, out var spent);

        quota.Release(spent);
        Assert.Equal(20, quota.Available);
        quota.TryAcquire(RetryableFailure.Throttling, out _);
        quota.Release(0);
        Assert.Equal(16, quota.Available);
        for (var i = 0; i < 10; i++) quota.Release(0);
        Assert.Equal(20, quota.Available);
    }
}
