using FlowLogAthena.Core.Files;
using Microsoft.Extensions.Options;

namespace FlowLogAthena.Worker;

/// <summary>Refuses options the worker cannot start with, naming the option, before any job is loaded.</summary>
internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.JobsFolder))
            problems.Add("the jobs folder is not set (--jobs, or Worker:JobsFolder).");
        else if (PathKinds.Of(options.JobsFolder) is var kind && kind != PathKind.Directory)
            problems.Add(kind == PathKind.Missing
                ? $"the jobs folder '{options.JobsFolder}' does not exist."
                : $"the jobs folder '{options.JobsFolder}' is {PathKinds.Describe(kind)}, not a folder.");
        if (string.IsNullOrWhiteSpace(options.StateFolder))
            problems.Add("the state folder is not set (--state, or Worker:StateFolder).");
        if (string.IsNullOrWhiteSpace(options.QueriesFolder))
            problems.Add("the query packs folder is not set (--queries, or Worker:QueriesFolder).");
        if (options.CatchUpHorizon < TimeSpan.Zero)
            problems.Add($"the catch-up horizon {options.CatchUpHorizon} is negative; use 0 to turn catch-up off.");
        if (options.MaxConcurrentRuns < 1)
            problems.Add($"the most runs at once, {options.MaxConcurrentRuns}, must be at least 1 (--max-concurrent-runs).");
        if (options.ShutdownTimeout <= TimeSpan.Zero)
            problems.Add($"the shutdown timeout {options.ShutdownTimeout} must be positive.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
