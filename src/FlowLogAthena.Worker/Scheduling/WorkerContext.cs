using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.History;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Worker.Scheduling;

/// <summary>What every job's loop shares: the executor, the history, the clock, the catch-up horizon, the run slots and the log.</summary>
public sealed class WorkerContext(IJobExecutor executor, RunHistory history, TimeProvider clock, TimeSpan catchUpHorizon, ILogger logger, int maxConcurrentRuns = int.MaxValue) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentRuns, maxConcurrentRuns);
    private int _running;

    public int MaxConcurrentRuns { get; } = maxConcurrentRuns;

    /// <summary>Takes a run slot at once if one is free.</summary>
    internal bool TryTakeSlot() => _slots.Wait(0);

    /// <summary>Waits for a run slot; a stop while waiting cancels the wait.</summary>
    internal Task TakeSlotAsync(CancellationToken stopping) => _slots.WaitAsync(stopping);

    internal void ReturnSlot() => _slots.Release();

    public void Dispose() => _slots.Dispose();

    public IJobExecutor Executor { get; } = executor;

    public RunHistory History { get; } = history;

    public TimeProvider Clock { get; } = clock;

    public TimeSpan CatchUpHorizon { get; } = catchUpHorizon;

    public ILogger Logger { get; } = logger;

    /// <summary>Runs under way now, across jobs (for the stop message).</summary>
    public int Running => Volatile.Read(ref _running);

    internal void RunStarted() => Interlocked.Increment(ref _running);

    internal void RunEnded() => Interlocked.Decrement(ref _running);
}
