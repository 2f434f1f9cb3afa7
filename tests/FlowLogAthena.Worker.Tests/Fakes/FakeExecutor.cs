using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Worker.Tests.Fakes;

/// <summary>
/// Stands in for the real job executor. By default a run succeeds at once; when <see cref="Gated"/>, each run
/// waits until the test releases it with a state. It counts how many runs of one job are under way at once and
/// notes whether a run saw its cancellation token fire.
/// </summary>
public sealed class FakeExecutor(Changes changes) : IJobExecutor
{
    private readonly Lock _gate = new();
    private readonly List<Call> _calls = [];
    private readonly Dictionary<string, int> _running = [];

    public bool Gated { get; init; }

    public int MostAtOnceForOneJob { get; private set; }

    /// <summary>The most runs under way at once, across jobs.</summary>
    public int MostAtOnceOverall { get; private set; }

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_gate) return [.. _calls];
        }
    }

    public async Task<Call> UntilCall(int number)
    {
        await changes.Until(() => Calls.Count >= number, $"executor call #{number} (calls so far: {Calls.Count})");
        return Calls[number - 1];
    }

    public async Task<JobRunResult> RunAsync(JobDefinition job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var call = new Call(job.Name, at);
        lock (_gate)
        {
            _calls.Add(call);
            _running[job.Name] = _running.GetValueOrDefault(job.Name) + 1;
            MostAtOnceForOneJob = Math.Max(MostAtOnceForOneJob, _running[job.Name]);
            MostAtOnceOverall = Math.Max(MostAtOnceOverall, _running.Values.Sum());
        }
        changes.Pulse();
        try
        {
            if (!Gated) return Result(call, JobRunState.Succeeded);
            await using var registration = cancellationToken.Register(() =>
            {
                call.SawCancellation.TrySetResult();
                changes.Pulse();
            });
            return Result(call, await call.Outcome.Task);
        }
        finally
        {
            lock (_gate) _running[job.Name]--;
            changes.Pulse();
        }
    }

    private static JobRunResult Result(Call call, JobRunState state) =>
        new(call.Job, call.At, state, state == JobRunState.Succeeded ? 1 : 0, state == JobRunState.Failed ? 1 : 0, 0,
            $"manifests/{call.Job}/{call.At.UtcDateTime:yyyyMMddTHHmmZ}.json", state == JobRunState.Succeeded ? null : $"run ended {state}");

    public sealed class Call(string job, DateTimeOffset at)
    {
        public string Job { get; } = job;

        public DateTimeOffset At { get; } = at;

        public TaskCompletionSource<JobRunState> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SawCancellation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(JobRunState state) => Outcome.TrySetResult(state);
    }
}
