using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Running;

/// <summary>What became of one query of a batch.</summary>
public sealed record BatchOutcome(BatchQuery Item, QueryStatus Status, long Rows, string? Reason, QueryStats? Stats, DateTime StartedUtc, DateTime FinishedUtc)
{
    public TimeSpan Elapsed => FinishedUtc - StartedUtc;

    /// <summary>The file the query wrote, when it ran.</summary>
    public string? File => Status == QueryStatus.Ok ? Item.File : null;

    /// <summary>For a control: pass or fail when it ran, else its run status; for any other query its run status.</summary>
    public QueryStatus Verdict => Item.Query.Control is null ? Status : QueryStatusText.Verdict(Status, Rows);
}

/// <summary>Why a batch stopped before its last query: cancelled, or an error every later query would repeat.</summary>
public abstract record RunStop(string Reason)
{
    /// <summary>The run was cancelled (Ctrl+C, SIGTERM, a scheduler stopping).</summary>
    public sealed record Cancelled(string Query) : RunStop($"cancelled while running {Query}");

    /// <summary>The source or the window failed (no files, unreadable or mixed files): every query would fail alike.</summary>
    public sealed record SourceFailed(FlowLogAthenaException Cause) : RunStop(Cause.Message);
}

/// <summary>A batch's outcomes in run order, and why it stopped early, if it did.</summary>
public sealed record BatchResult(IReadOnlyList<BatchOutcome> Outcomes, RunStop? Stopped);

/// <summary>How a caller that cannot go on after a stop (a pack, a report) turns it back into its error.</summary>
public static class RunStopErrors
{
    /// <summary>Throws the stop's cause (the source or window error as raised) or a cancellation; nothing when not stopped.</summary>
    public static void ThrowIfStopped(this RunStop? stopped, CancellationToken cancellationToken)
    {
        switch (stopped)
        {
            case RunStop.Cancelled:
                cancellationToken.ThrowIfCancellationRequested();
                throw new OperationCanceledException(stopped.Reason, cancellationToken);
            case RunStop.SourceFailed failed:
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Cause);
                break;
        }
    }
}
