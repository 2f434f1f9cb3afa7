using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Running;

/// <summary>
/// The summary of a compliance pack (a pack whose queries declare <c>control:</c>): one line per control with
/// its verdict (pass, fail, or the run status when it did not run: skipped, failed), how many evidence rows its
/// query found and the evidence file, written as <c>summary.csv</c> instead of the query summary.
/// </summary>
internal static class ControlSummary
{
    public static readonly string[] Columns = ["control", "status", "evidence_count", "evidence_file", "reason"];

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
            o.Query.Id, o.Verdict.ToText(), o.Status == QueryStatus.Ok ? o.Rows : null,
            o.File is null ? null : Path.GetRelativePath(folder, o.File), o.Reason,
        }).ToAsyncEnumerable();
        return CsvSink.ToFile(path).WriteAsync(columns, rows, cancellationToken);
    }
}
