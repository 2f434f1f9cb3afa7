using FlowLogAthena.Core.Running;
using Spectre.Console;

namespace FlowLogAthena.Cli.Console;

/// <summary>The console table after a pack run (<c>run --pack</c>, <c>demo</c>): each query's verdict, rows, time and why.</summary>
public static class PackSummaryTable
{
    /// <param name="showFiles">Show where each result went (relative to the current folder) when there is one, else the reason.</param>
    public static Table Create(IEnumerable<PackQueryOutcome> outcomes, bool showFiles = false)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Query", "Status", "Rows", "Seconds", showFiles ? "Result or reason" : "Reason");
        foreach (var o in outcomes)
        {
            var last = showFiles && o.File is { } file ? Path.GetRelativePath(Environment.CurrentDirectory, file) : o.Reason ?? "";
            table.AddRow(Markup.Escape(o.Query.QualifiedId), o.Verdict.ToText(), o.Rows.ToString("N0"), o.Elapsed.TotalSeconds.ToString("F2"), Markup.Escape(last));
        }
        return table;
    }
}
