using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Reports.Html;
using FlowLogAthena.Reports.Sections;

namespace FlowLogAthena.Reports;

/// <summary>What a report run wrote, and how its queries went.</summary>
public sealed record WeeklyReportResult(string HtmlPath, string SummaryPath, IReadOnlyList<ReportQueryOutcome> Outcomes, bool PreviousWeekHasData);

/// <summary>
/// The weekly report, engine-neutral: runs the queries for both weeks (<see cref="WeeklyReportRunner"/>), builds
/// each section from their rows, and writes <c>report.html</c> and <c>summary.csv</c> beside the CSVs.
/// </summary>
public sealed class WeeklyReport(BoundTable table, QueryCatalog catalog)
{
    public const string HtmlFile = "report.html";
    public const string SummaryFile = "summary.csv";

    /// <summary>Every file the report may write below its folder (relative): the page, the summary and each query run's CSV, of either kind of flow log.</summary>
    public static IEnumerable<string> OutputFiles() =>
        ReportQuerySpec.All.SelectMany(spec => new[] { ReportWeek.This, ReportWeek.Previous }.Select(week => WeeklyReportRunner.FileFor(spec, week)))
            .Append(HtmlFile).Append(SummaryFile);

    /// <summary>Refuses an output folder (or a file in it) that is not a folder or regular file, before any query runs.</summary>
    public static void CheckOutputs(string folder, string what) => OutputTarget.CheckFolderFiles(folder, OutputFiles(), what);

    public async Task<WeeklyReportResult> WriteAsync(WeeklyReportRequest request, IProgress<ReportQueryOutcome>? progress, CancellationToken cancellationToken)
    {
        CheckOutputs(request.OutputFolder, "the report folder");
        var outcomes = await new WeeklyReportRunner(table, catalog).RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        var results = new ReportResults(ReportWeeks.For(request.Week), outcomes) { Names = table.Names };
        ReportSection[] sections = table.Source.Format.Kind == FlowLogKind.TransitGateway
            ? [TransitGatewaySection.Build(results)]
            :
            [
                DailyVpcBytesSection.Build(results),
                TopTalkersSection.Build(results),
                RejectsTrendSection.Build(results),
                EgressCostSection.Build(results),
                EgressDestinationsSection.Build(results),
                CapacitySection.Build(results),
            ];
        var html = Path.Combine(request.OutputFolder, HtmlFile);
        var summary = Path.Combine(request.OutputFolder, SummaryFile);
        await ReportSummary.WriteAsync(summary, outcomes, cancellationToken).ConfigureAwait(false);
        await ReportHtmlWriter.WriteAsync(html, new ReportPage(request, table.Source, table.Engine, results, sections), cancellationToken).ConfigureAwait(false);
        return new WeeklyReportResult(html, summary, outcomes, results.PreviousWeekHasData);
    }
}
