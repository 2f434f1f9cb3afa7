using System.Text.Json.Serialization;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Worker.History;

/// <summary>How a scheduled occurrence ended: a run's <see cref="JobRunState"/>, or skipped without a run.</summary>
public enum RunRecordState
{
    Succeeded,
    Partial,
    Failed,
    Cancelled,

    /// <summary>Not run: the job's previous run was still going when this occurrence came due.</summary>
    Skipped,
}

/// <summary>One line of a job's run history (<c>&lt;state&gt;/history/&lt;job&gt;.jsonl</c>).</summary>
/// <param name="ScheduledAt">The occurrence (the instant the executor was given, which decides the window).</param>
/// <param name="StartedUtc">When the run started; null for a skipped occurrence.</param>
/// <param name="FinishedUtc">When it returned; null for a skipped occurrence.</param>
/// <param name="CatchUp">True for the one run the worker made at start for an occurrence missed while it was down.</param>
public sealed record RunRecord(
    string Job,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc,
    RunRecordState State,
    string? Manifest,
    string? Error,
    bool CatchUp = false)
{
    /// <summary>True when the occurrence was run to an end, well or not; a cancelled or skipped one was not.</summary>
    [JsonIgnore]
    public bool RanToEnd => State is RunRecordState.Succeeded or RunRecordState.Partial or RunRecordState.Failed;

    public static RunRecordState StateOf(JobRunState state) => state switch
    {
        JobRunState.Succeeded => RunRecordState.Succeeded,
        JobRunState.Partial => RunRecordState.Partial,
        JobRunState.Failed => RunRecordState.Failed,
        _ => RunRecordState.Cancelled,
    };
}
