using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Reports.Jobs;

/// <summary>
/// A job with <c>report: weekly</c>: the report written into a local staging folder, then every file of it
/// (report.html, summary.csv, the query CSVs) published into each output folder, then the run manifest, last.
/// Each query run of either week is one manifest entry (<c>this-week/capacity/hourly-traffic</c>) with its
/// engine stats; a week without data is recorded as skipped.
/// </summary>
public sealed class WeeklyReportJobRunner(BoundTable table, QueryCatalog catalog, IJobOutputStore store, TimeProvider clock)
{
    public async Task<JobRunManifest> RunAsync(JobPlan plan, IProgress<JobQueryRecord>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        using var stagingFolder = StagingFolder.Create("report");
        var staging = stagingFolder.Path;
        var records = new List<JobQueryRecord>();
        JobReportRecord? report = null;
        JobRunState? state = null;
        string? error = null;
        var request = new WeeklyReportRequest { Week = plan.Window, OutputFolder = staging, Parameters = plan.Parameters };
        var seen = new ImmediateProgress<ReportQueryOutcome>(outcome => records.Add(Record(outcome)));
        try
        {
            var result = await new WeeklyReport(table, catalog).WriteAsync(request, seen, cancellationToken).ConfigureAwait(false);
            records.Clear();
            foreach (var outcome in result.Outcomes)
            {
                var record = Record(outcome);
                if (outcome.File is { } file)
                    record = record with { Outputs = await PublishEverywhereAsync(plan, Path.Combine(staging, file), file, ResultFormat.Csv.Name, ResultFormat.Csv.ContentType, cancellationToken).ConfigureAwait(false) };
                records.Add(record);
                progress?.Report(record);
            }
            var page = await PublishEverywhereAsync(plan, result.HtmlPath, WeeklyReport.HtmlFile, "html", "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
            var summary = await PublishEverywhereAsync(plan, result.SummaryPath, WeeklyReport.SummaryFile, ResultFormat.Csv.Name, ResultFormat.Csv.ContentType, cancellationToken).ConfigureAwait(false);
            report = new JobReportRecord(plan.Job.Report!.Name, [.. page, .. summary]);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nothing was published: the report appears whole or not at all. The manifest says what had run.
            state = JobRunState.Cancelled;
            error = "cancelled while the report's queries ran; nothing was published";
            records = [.. records.Select(r => r with { Outputs = [] })];
        }

        var manifests = new JobManifestWriter(store, clock);
        var manifest = manifests.Build(plan, table.Engine.ToText(), table.Source.Root, records, state ?? JobManifestWriter.StateOf(records), error, started) with { Report = report };
        await manifests.PublishAsync(manifest, plan.Manifest, state == JobRunState.Cancelled ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    private async Task<List<JobOutputRecord>> PublishEverywhereAsync(JobPlan plan, string localFile, string relative, string format, string contentType, CancellationToken cancellationToken)
    {
        var outputs = new List<JobOutputRecord>();
        foreach (var folder in plan.ReportFolders)
        {
            var destination = folder + "/" + relative.Replace(Path.DirectorySeparatorChar, '/');
            outputs.Add(await JobOutputPublisher.PublishAsync(store, localFile, destination, format, contentType, cancellationToken).ConfigureAwait(false));
        }
        return outputs;
    }

    private static JobQueryRecord Record(ReportQueryOutcome outcome)
    {
        var week = outcome.Week == ReportWeek.This ? "this-week" : "previous-week";
        return new JobQueryRecord
        {
            Query = $"{week}/{outcome.Spec.QualifiedId}",
            State = outcome.Status,
            ExecutionId = outcome.Stats?.ExecutionId,
            Rows = outcome.Table.Rows.Count,
            BytesScanned = outcome.Stats?.BytesScanned ?? 0,
            CostUsd = outcome.Stats?.CostUsd,
            Reason = outcome.Status == QueryStatus.NoData ? "no flow log data in " + outcome.Window : outcome.Reason,
        };
    }
}
