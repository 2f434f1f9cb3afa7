using System.Diagnostics;

namespace FlowLogAthena.Aws.Athena;

/// <summary>
/// Polls an execution until it reaches a final state, with capped jittered backoff, reporting state and
/// data scanned. On cancellation or timeout it stops the query and waits for the final state, so no query
/// is left running, then throws <see cref="OperationCanceledException"/> or <see cref="AthenaQueryTimeoutException"/>.
/// </summary>
internal sealed class AthenaExecutionWaiter(IAthenaApi athena, AthenaEngineOptions options, IProgress<AthenaQueryProgress>? progress, TimeProvider time, Random jitter)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Runs <paramref name="start"/>, then waits for the execution it started. The timeout covers both.</summary>
    public async Task<QueryExecution> RunAsync(StartQueryExecutionRequest start, CancellationToken cancellationToken)
    {
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string? id = null;
        try
        {
            id = (await athena.StartQueryExecutionAsync(start, linked.Token).ConfigureAwait(false)).QueryExecutionId
                ?? throw new Core.Errors.QueryExecutionException("Athena StartQueryExecution answered without an execution id.");
            return await PollAsync(id, options.PollInitialDelay, options.PollMaxDelay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The start may have reached Athena even if its answer did not reach us: the same client request
            // token returns the same execution without starting another, so it can be stopped too.
            id ??= await RecoverIdAsync(start).ConfigureAwait(false);
            var final = id is null ? null : await StopAndWaitAsync(id).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException($"Athena query {id ?? "(not started)"} was cancelled and stopped (state {final ?? "unknown"}).", null, cancellationToken);
            throw new AthenaQueryTimeoutException(id ?? "(not started)", options.Timeout!.Value, final);
        }
    }

    private async Task<QueryExecution> PollAsync(string id, TimeSpan initialDelay, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var delay = initialDelay;
        while (true)
        {
            var execution = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, cancellationToken).ConfigureAwait(false)).QueryExecution
                ?? throw new Core.Errors.QueryExecutionException($"Athena GetQueryExecution answered without the execution {id}.");
            var state = execution.Status?.State ?? "UNKNOWN";
            progress?.Report(new AthenaQueryProgress(id, state, execution.Statistics?.DataScannedInBytes ?? 0, _clock.Elapsed));
            if (QueryStates.IsFinal(state))
                return execution;

            // Equal jitter: at least half the step, so polls never bunch up, never more than the cap.
            var wait = TimeSpan.FromMilliseconds(delay.TotalMilliseconds / 2 + jitter.NextDouble() * delay.TotalMilliseconds / 2);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(maxDelay.TotalMilliseconds, delay.TotalMilliseconds * 2));
        }
    }

    private async Task<string?> RecoverIdAsync(StartQueryExecutionRequest start)
    {
        if (start.ClientRequestToken is null) return null;
        using var budget = new CancellationTokenSource(options.StopWaitLimit, time);
        try
        {
            return (await athena.StartQueryExecutionAsync(start, budget.Token).ConfigureAwait(false)).QueryExecutionId;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Stops the execution and waits (bounded) for its final state; returns it, or null if Athena never said.</summary>
    private async Task<string?> StopAndWaitAsync(string id)
    {
        using var budget = new CancellationTokenSource(options.StopWaitLimit, time);
        try
        {
            await athena.StopQueryExecutionAsync(new StopQueryExecutionRequest { QueryExecutionId = id }, budget.Token).ConfigureAwait(false);
            var stopped = await PollAsync(id, options.PollInitialDelay, options.PollMaxDelay, budget.Token).ConfigureAwait(false);
            return stopped.Status?.State;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Stopping is best effort on the way out: the caller's cancellation or timeout is the error to report.
            return null;
        }
    }
}
