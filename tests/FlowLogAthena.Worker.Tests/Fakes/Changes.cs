namespace FlowLogAthena.Worker.Tests.Fakes;

/// <summary>
/// A pulse the fakes raise whenever something observable changes (a timer, an executor call, a log line), so a
/// test waits for a condition instead of sleeping. The guard is only against a hang: nothing is timed.
/// </summary>
public sealed class Changes
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private TaskCompletionSource _next = NewSource();

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    public async Task Until(Func<bool> condition, string what)
    {
        while (true)
        {
            var next = Volatile.Read(ref _next).Task;
            if (condition()) return;
            try
            {
                await next.WaitAsync(HangGuard);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
