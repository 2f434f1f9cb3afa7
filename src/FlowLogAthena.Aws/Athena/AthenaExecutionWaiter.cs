using System.Diagnostics;
using FlowLogAthena.Aws.Runtime;

namespace FlowLogAthena.Aws.Athena;

/// <summary>
/// Starts an execution and polls it to a final state, with capped jittered backoff, reporting state and data
/// scanned. Whatever ends the wait early — cancellation (Ctrl+C, SIGTERM), the run's timeout, a network failure
/// that outlived the retries, throttling, an unreadable answer — the query is stopped (bounded by
/// <see cref="AthenaEngineOptions.StopWaitLimit"/>, on its own deadline) and its final state awaited, so no billed
/// query is left running; the error says what was stopped and how it ended.
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
                ?? throw new AwsClientException("Athena StartQueryExecution answered without an execution id.");
            return await PollAsync(id, options.PollInitialDelay, options.PollMaxDelay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            var (stoppedId, final) = await StopAsync(id, start).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException($"Athena query {stoppedId ?? "(not started)"} was cancelled and stopped (state {final ?? "unknown"}).", null, cancellationToken);
            throw new AthenaQueryTimeoutException(stoppedId ?? "(not started)", options.Timeout!.Value, final);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException && (id is not null || StartMayHaveRun(e)))
        {
            var (stoppedId, final) = await StopAsync(id, start).ConfigureAwait(false);
            throw new AthenaQueryInterruptedException(stoppedId, start.ClientRequestToken, final, options.StopWaitLimit, e);
        }
    }

    /// <summary>
    /// A start that got no usable answer (network failure, timeout, unreadable body, a 5xx) may have reached Athena;
    /// a throttled or rejected start did not.
    /// </summary>
    private static bool StartMayHaveRun(Exception e) => e is AwsClientException or AwsServiceException { StatusCode: >= 500 };

    /// <summary>Stops the execution (found by its request token when its id never arrived); returns its id and final state.</summary>
    private async Task<(string? Id, string? FinalState)> StopAsync(string? id, StartQueryExecutionRequest start)
    {
        // The start may have reached Athena even if its answer did not reach us: the same client request
        // token returns the same execution without starting another, so it can be stopped too.
        id ??= await RecoverIdAsync(start).ConfigureAwait(false);
        return (id, id is null ? null : await StopAndWaitAsync(id).ConfigureAwait(false));
    }

    private async Task<QueryExecution> PollAsync(string id, TimeSpan initialDelay, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var delay = initialDelay;
        while (true)
        {
            var execution = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest { QueryExecutionId = id }, cancellationToken).ConfigureAwait(false)).QueryExecution
                ?? throw new AwsClientException($"Athena GetQueryExecution answered without the execution {id}.");
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
            // Stopping is best effort on the way out: the error that ended the wait is the one to report.
            return null;
        }
    }
}
