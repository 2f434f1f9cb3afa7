namespace FlowLogAthena.Aws.Runtime.Retries;

/// <summary>
/// The standard mode's retry quota (a token bucket shared by every call of one set of clients): a retry spends
/// 5 tokens, 10 after a timeout; a first-attempt success returns 1, a success after retries returns what its
/// last retry spent. With the bucket empty, failures are not retried, so a throttling or outage storm fails fast
/// instead of multiplying the load. Thread-safe.
/// </summary>
public sealed class RetryQuota
{
    public const int InitialCapacity = 500;
    public const int RetryCost = 5;
    public const int TimeoutRetryCost = 10;
    public const int NoRetryIncrement = 1;

    private readonly Lock _lock = new();
    private readonly int _capacity;
    private int _available;

    public RetryQuota(int capacity = InitialCapacity)
    {
        _capacity = capacity;
        _available = capacity;
    }

    public int Available
    {
        get
        {
            lock (_lock) return _available;
        }
    }

    /// <summary>Spends the cost of a retry after <paramref name="failure"/>; false (nothing spent) when the quota is exhausted.</summary>
    public bool TryAcquire(RetryableFailure failure, out int spent)
    {
        spent = failure == RetryableFailure.Timeout ? TimeoutRetryCost : RetryCost;
        lock (_lock)
        {
            if (_available < spent)
            {
                spent = 0;
                return false;
            }
            _available -= spent;
            return true;
        }
    }

    /// <summary>A call succeeded: give back what its last retry spent, or the no-retry increment.</summary>
    public void Release(int lastSpent)
    {
        lock (_lock) _available = Math.Min(_capacity, _available + (lastSpent > 0 ? lastSpent : NoRetryIncrement));
    }
}
