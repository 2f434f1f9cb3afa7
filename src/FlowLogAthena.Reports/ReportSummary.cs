using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Reports;

/// <summary><c>summary.csv</c>: one line per query run of the report (week, query, window, status, rows, file, reason).</summary>
internal static class ReportSummary
{
    public static Task<long> WriteAsync(string path, IReadOnlyList<ReportQueryOutcome> outcomes, CancellationToken cancellationToken)
    {
        var columns = new[]
        {
            new ResultColumn("week", "VARCHAR", typeof(string)),
            new ResultColumn("query", "VARCHAR", typeof(string)),
            new ResultColumn("from", "VARCHAR", typeof(string)),
            new ResultColumn("to", "VARCHAR", typeof(string)),
            new ResultColumn("status", "VARCHAR", typeof(string)),
            new ResultColumn("rows", "BIGINT", typeof(long)),
            new ResultColumn("file", "VARCHAR", typeof(string)),
            new ResultColumn("reason", "VARCHAR", typeof(string)),
        };
        var rows = outcomes.Select(o => new object?[]
        {
            o.Week == ReportWeek.This ? "this" : "previous", o.Spec.QualifiedId, Core.Sources.TimeWindow.Format(o.Window.From), Core.Sources.TimeWindow.Format(o.Window.To),
            o.Status.ToText(), (long)o.Table.Rows.Count, o.File?.Replace(Path.DirectorySeparatorChar, '/'), o.Reason,
        }).ToAsyncEnumerable();
        return CsvSink.ToFile(path).WriteAsync(columns, rows, cancellationToken);
    }
}
