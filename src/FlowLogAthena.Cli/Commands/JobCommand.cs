using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>job validate FILE</c>: checks a job file against the query packs and the clock, and shows what a run now would do.</summary>
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
            var plan = JobValidator.Validate(job, options.LoadCatalog(parse), now);
            Print(terminal.Output, plan);
            return ExitCodes.Success;
        });
        return new Command("job", "Work with job files: a named, scheduled run of queries or packs over a relative window.") { validate };
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
        output.WriteLine($"  queries:  {plan.Queries.Count} will run");
        foreach (var query in plan.Queries)
            output.WriteLine($"    {query.Query.QualifiedId} → {string.Join(", ", query.Outputs)}");
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
