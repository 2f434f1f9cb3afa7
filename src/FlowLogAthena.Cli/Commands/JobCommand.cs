using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Cli.Jobs;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>job validate FILE</c> checks a job file and shows what a run now would do; <c>job run FILE</c> runs it once.</summary>
public static class JobCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock)
    {
        var options = new QueryOptions();
        var file = new Argument<string>("file") { Description = "The job file (YAML)." };
        var at = new Option<string?>("--at")
        {
            Description = "Validate as if the job ran at this instant (ISO 8601, or a date for UTC midnight). Default: now.",
        };
        var validate = new Command("validate",
            "Check a job file (queries, packs, parameters, window, time zone, outputs, schedule) and print the queries, window and outputs a run now would use. "
            + "Exit 0 when valid, 2 with FILE:LINE: reason when not.")
        { file, at, options.Queries };
        validate.SetAction(parse =>
        {
            var job = JobFileParser.Load(parse.GetValue(file)!);
            var now = parse.GetValue(at) is { } text ? new DateTimeOffset(TimeWindow.ParseInstant(text, "--at")) : clock.GetUtcNow();
            var plan = JobValidator.Validate(job, options.LoadCatalog(parse), Reports.Jobs.ReportKinds.All, now);
            Print(terminal.Output, plan);
            return ExitCodes.Success;
        });
        return new Command("job", "Work with job files: a named, scheduled run of queries or packs over a relative window.") { validate, Run(terminal, clock) };
    }

    private static Command Run(Terminal terminal, TimeProvider clock)
    {
        var options = new QueryOptions();
        var file = new Argument<string>("file") { Description = "The job file (YAML)." };
        var at = new Option<string?>("--at")
        {
            Description = "Run as of this instant (ISO 8601, or a date for UTC midnight): it decides the relative window and so the output keys. "
                + "Default: now. A rerun with the same --at (or on the same local day) writes the same keys.",
        };
        var local = new LocalEngineOptions();
        var run = new Command("run",
            "Run a job once: every query to its outputs (local paths or s3://, each appearing only when complete; with 'report: weekly', the whole report into each output folder), then the run manifest (JSON: each query's execution id, state, bytes scanned, cost, rows, outputs). "
            + "Exit 0 success, 1 failed (no query succeeded, or the run could not start), 2 bad input (FILE:LINE: reason), 3 partial (some queries failed; the others' outputs are written), 130 cancelled.")
        { file, at, options.Params, options.Queries };
        local.AddTo(run);
        run.SetAction(async (parse, cancellationToken) =>
        {
            var job = JobFileParser.Load(parse.GetValue(file)!).WithParameters(options.GetParameters(parse));
            var now = parse.GetValue(at) is { } text ? new DateTimeOffset(TimeWindow.ParseInstant(text, "--at")) : clock.GetUtcNow();
            var executorOptions = new JobExecutorOptions
            {
                QueriesFolder = parse.GetValue(options.Queries),
                Local = local.Read(parse),
                Note = note => terminal.Note(Markup.Escape(note)),
                QueryProgress = new ImmediateProgress<JobQueryRecord>(r => terminal.Note(Markup.Escape(Describe(r)))),
                Verbose = parse.GetValue(GlobalOptions.Verbose) ? text => terminal.Note(Markup.Escape(text)) : null,
            };
            using var executor = new CliJobExecutor(executorOptions, clock);
            var result = await executor.RunAsync(job, now, cancellationToken).ConfigureAwait(false);
            var line = $"job '{result.Job}': {result.State.ToString().ToLowerInvariant()}, {result.Succeeded} ok, {result.Failed} failed, {result.Skipped} skipped; manifest {result.Manifest}";
            if (result.Error is not null) line += " — " + result.Error;
            if (result.State == JobRunState.Succeeded) terminal.Note(Markup.Escape(line));
            else terminal.Fail(line);
            return ExitCodes.For(result.State);
        });
        return run;
    }

    private static string Describe(JobQueryRecord r)
    {
        var text = $"{r.Query}: {(r.Control ?? r.State).ToText()}";
        if (r.State == QueryStatus.Ok) text += $", {r.Rows} rows → {string.Join(", ", r.Outputs.Select(o => o.Location))}";
        return r.Reason is null ? text : $"{text} — {r.Reason}";
    }

    private static void Print(TextWriter output, JobPlan plan)
    {
        var job = plan.Job;
        output.WriteLine($"{job.Path}: job '{job.Name}' is valid.");
        output.WriteLine($"  engine:   {job.Engine.ToString().ToLowerInvariant()} on {job.Source}");
        output.WriteLine($"  window:   {job.Window} → {plan.Window} for a run at {TimeWindow.Format(plan.At.UtcDateTime)}");
        output.WriteLine(job.Schedule is null
            ? "  schedule: none (run it with `job run`)"
            : $"  schedule: '{job.Schedule.Text}' in {job.Schedule.TimeZone.Id}, next at {Describe(plan.NextRun, job.Schedule.TimeZone)}");
        if (job.Report is { } report)
            output.WriteLine($"  report:   {report.Name} → {string.Join(", ", plan.ReportFolders)} (report.html, summary.csv, this-week/…, previous-week/…)");
        if (job.Compact is { } compact)
            output.WriteLine($"  compact:  each day into the Parquet twin at {compact.Twin} (table {compact.Table ?? Compaction.CompactionRequest.DefaultTwinTable(job.Source.Table!)}), "
                + $"written by {(job.Engine == Core.Engines.EngineKind.Athena ? "Athena's UNLOAD" : "the local engine")}{(compact.Force ? ", up-to-date days too" : "")}");
        else output.WriteLine($"  queries:  {plan.Queries.Count} will run");
        foreach (var query in plan.Queries)
            output.WriteLine(query.Outputs.Count > 0 ? $"    {query.Query.QualifiedId} → {string.Join(", ", query.Outputs)}" : $"    {query.Query.QualifiedId}");
        output.WriteLine($"  manifest: {plan.Manifest}");
        if (plan.Skipped.Count > 0)
        {
            output.WriteLine($"  skipped:  {plan.Skipped.Count}");
            foreach (var skipped in plan.Skipped) output.WriteLine($"    {skipped.Query.QualifiedId}: {skipped.Reason}");
        }
    }

    private static string Describe(DateTimeOffset? next, TimeZoneInfo zone) => next is { } at
        ? $"{TimeWindow.Format(at.UtcDateTime)} ({TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm zzz} local)"
        : "never (the expression has no future occurrence)";
}
