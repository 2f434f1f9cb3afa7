namespace FlowLogAthena.Core.Running;

/// <summary>
/// What happened to one query in any run — a pack, a job, a report — and, for a control that ran, its verdict.
/// One vocabulary, written one way (<see cref="QueryStatusText.ToText"/>: <c>ok</c>, <c>skipped</c>, <c>no-data</c>,
/// <c>failed</c>, <c>cancelled</c>, <c>pass</c>, <c>fail</c>) in every summary, page and manifest.
/// </summary>
public enum QueryStatus
{
    /// <summary>The query ran; its rows are in its output.</summary>
    Ok,

    /// <summary>Not run: the format lacks a field it reads, or a required parameter was not given; the reason says which.</summary>
    Skipped,

    /// <summary>Not run: no flow log files in its window (a report's week before the logs begin).</summary>
    NoData,

    /// <summary>The query failed to run; the reason says why.</summary>
    Failed,

    /// <summary>The run was cancelled while this query ran.</summary>
    Cancelled,

    /// <summary>A control that ran and found no evidence.</summary>
    Pass,

    /// <summary>A control that ran and found evidence: every row of its output is a violation.</summary>
    Fail,
}

/// <summary>The one spelling of each <see cref="QueryStatus"/> (the JSON manifests' kebab-case enum names, the same text).</summary>
public static class QueryStatusText
{
    public static string ToText(this QueryStatus status) => status switch
    {
        QueryStatus.Ok => "ok",
        QueryStatus.Skipped => "skipped",
        QueryStatus.NoData => "no-data",
        QueryStatus.Failed => "failed",
        QueryStatus.Cancelled => "cancelled",
        QueryStatus.Pass => "pass",
        QueryStatus.Fail => "fail",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A control's verdict when its query ran (<see cref="QueryStatus.Pass"/> without evidence rows), else the run status.</summary>
    public static QueryStatus Verdict(QueryStatus status, long evidenceRows) =>
        status == QueryStatus.Ok ? evidenceRows == 0 ? QueryStatus.Pass : QueryStatus.Fail : status;
}
