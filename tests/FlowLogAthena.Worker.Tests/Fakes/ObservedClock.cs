using Microsoft.Extensions.Time.Testing;

namespace FlowLogAthena.Worker.Tests.Fakes;

/// <summary>
/// The fake clock, counting its live timers: a job loop waiting for its next occurrence holds exactly one, so a
/// test advances time only once the worker is waiting (and never between its reading the clock and arming the timer).
/// </summary>
public sealed class ObservedClock(DateTimeOffset start, Changes changes) : FakeTimeProvider(start)
{
    private int _live;

    public int LiveTimers => Volatile.Read(ref _live);

    public Task UntilWaiting(int timers = 1) => changes.Until(() => LiveTimers == timers, $"{timers} waiting timer(s) (now {LiveTimers})");

    /// <summary>Moves the clock forward in steps, letting the worker settle after each (every job loop waiting again).</summary>
    public async Task StepTo(DateTimeOffset until, TimeSpan step, int waitingTimers = 1)
    {
        while (GetUtcNow() < until)
        {
            var next = GetUtcNow() + step;
            Advance((next < until ? next : until) - GetUtcNow());
            await UntilWaiting(waitingTimers);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _live);
        changes.Pulse();
        return new Tracked(timer, this);
    }

    private void Released()
    {
        Interlocked.Decrement(ref _live);
        changes.Pulse();
    }

    private sealed class Tracked(ITimer inner, ObservedClock owner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            inner.Dispose();
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Released();
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Released();
        }
    }
}
