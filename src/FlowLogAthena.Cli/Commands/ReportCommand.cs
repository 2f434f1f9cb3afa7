using System.CommandLine;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Reports;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>report weekly</c>: the weekly report over a source and week on the local engine or Athena: a CSV per query
/// run for the week and the previous week, summary.csv, and one self-contained report.html with charts.
/// </summary>
public static class ReportCommand
{
    public static Command Create(Terminal terminal)
    {
        var report = new Command("report", "Reports built from several queries.");
        report.Add(Weekly(terminal));
        return report;
    }

    private static Command Weekly(Terminal terminal)
    {
        var engines = new EngineOptions();
        var queries = new QueryOptions();
        var outFolder = new Option<string>("--out")
        {
            Description = "Local folder for report.html, summary.csv and the CSVs (this-week/<pack>/<query>.csv, previous-week/…).",
            Required = true,
        };
        var command = new Command("weekly",
            "Weekly report: bytes per day by VPC, top talkers, rejects per day, egress cost by class and cost center, capacity peak and p95, "
            + "each compared with the previous week ([from - (to - from), from)). --from/--to is the report week. "
            + "--param sets the report queries' other parameters (prices, cost_center_map, …).")
        {
            engines.Engine, outFolder,
        };
        engines.Local.AddTo(command);
        engines.Source.AddTo(command);
        command.Add(queries.Params);
        command.Add(queries.Queries);
        engines.Aws.AddTo(command);
        engines.Athena.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.GetRequiredValue(outFolder);
            if (S3Uri.IsS3(output))
                throw new UsageException("report weekly writes to a local folder (--out DIR); copy it to S3 afterwards if needed.");
            WeeklyReport.CheckOutputs(output, "--out");
            var catalog = queries.LoadCatalog(parse);
            var week = engines.Source.GetWindow(parse);
            var weeks = ReportWeeks.For(week);
            using var awsClients = new LazyAwsClients(parse, terminal);
            await using var table = await engines.OpenAsync(parse, weeks.Both, materialize: true, awsClients, terminal, cancellationToken).ConfigureAwait(false);

            var request = new WeeklyReportRequest { Week = week, OutputFolder = output, Parameters = queries.GetParameters(parse) };
            var progress = new ImmediateProgress<ReportQueryOutcome>(o => terminal.Note(
                $"{(o.Week == ReportWeek.This ? "this" : "previous")} week, {Markup.Escape(o.Spec.QualifiedId)} {Markup.Escape(o.Window.ToString())}: {o.Status.ToText()}, {o.Table.Rows.Count} rows"
                + (o.Reason is null ? "" : " — " + Markup.Escape(o.Reason))));
            var result = await new WeeklyReport(table, catalog).WriteAsync(request, progress, cancellationToken).ConfigureAwait(false);

            var failed = result.Outcomes.Count(o => o.Status == QueryStatus.Failed);
            var skipped = result.Outcomes.Where(o => o.Status == QueryStatus.Skipped).Select(o => o.Spec.QualifiedId).Distinct().ToList();
            terminal.Note($"[green]report[/]: {Markup.Escape(result.HtmlPath)} ({Markup.Escape(weeks.This.ToString())} vs {Markup.Escape(result.PreviousWeekHasData ? weeks.Previous.ToString() : "no previous week")})"
                + (skipped.Count > 0 ? $"; skipped: {Markup.Escape(string.Join(", ", skipped))}" : "")
                + (failed > 0 ? $"; [red]{failed} query runs failed[/] (see {Markup.Escape(result.SummaryPath)})" : ""));
            return failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
