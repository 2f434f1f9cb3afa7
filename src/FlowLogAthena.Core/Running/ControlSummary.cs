using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Running;

/// <summary>
/// The summary of a compliance pack (a pack whose queries declare <c>control:</c>): one line per control with
/// its status, how many evidence rows its query found and the evidence file, written as <c>summary.csv</c>
/// instead of the query summary.
/// </summary>
public static class ControlSummary
{
    /// <summary>The query ran and found no evidence.</summary>
    public const string Pass = "pass";

    /// <summary>The query ran and found evidence: every row of its file is a violation.</summary>
    public const string Fail = "fail";

    /// <summary>Not judged: the format lacks a field the control reads, or a required parameter was not given.</summary>
    public const string Skipped = "skipped";

    /// <summary>The query failed to run; the reason says why.</summary>
    public const string Error = "error";

    public static readonly string[] Columns = ["control", "status", "evidence_count", "evidence_file", "reason"];

    /// <summary>A control's status from its query's outcome.</summary>
    public static string StatusOf(PackQueryOutcome outcome) => outcome.Status switch
    {
        PackRunner.Ok => outcome.Rows == 0 ? Pass : Fail,
        PackRunner.Skipped => Skipped,
        _ => Error,
    };

    public static Task<long> WriteAsync(string path, IReadOnlyList<PackQueryOutcome> outcomes, CancellationToken cancellationToken)
    {
        var columns = new[]
        {
            new ResultColumn(Columns[0], "VARCHAR", typeof(string)),
            new ResultColumn(Columns[1], "VARCHAR", typeof(string)),
            new ResultColumn(Columns[2], "BIGINT", typeof(long)),
            new ResultColumn(Columns[3], "VARCHAR", typeof(string)),
            new ResultColumn(Columns[4], "VARCHAR", typeof(string)),
        };
        var folder = Path.GetDirectoryName(path)!;
        var rows = outcomes.Select(o => new object?[]
        {
            o.Query.Id, StatusOf(o), o.Status == PackRunner.Ok ? o.Rows : null,
            o.File is null ? null : Path.GetRelativePath(folder, o.File), o.Reason,
        }).ToAsyncEnumerable();
        return CsvSink.ToFile(path).WriteAsync(columns, rows, cancellationToken);
    }
}
