using System.CommandLine;
using System.Runtime.ExceptionServices;
using FlowLogAthena.Cli.Jobs;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Worker;
using FlowLogAthena.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>serve --jobs DIR</c>: the scheduled-jobs worker in a generic host, running each job as <c>job run</c> does
/// (<see cref="CliJobExecutor"/>). Under systemd it reports readiness and logs in journald's format.
/// </summary>
public static class ServeCommand
{
    public static Command Create(TimeProvider clock)
    {
        var queries = new QueryOptions();
        var jobs = new Option<string>("--jobs") { Description = "Folder of job files: every *.yaml and *.yml in it with a schedule runs on that schedule.", Required = true };
        var state = new Option<string>("--state")
        {
            Description = "Folder for the run history (history/<job>.jsonl), read at start to catch up a missed run. Default: ./state.",
            DefaultValueFactory = _ => "state",
        };
        var horizon = new Option<string>("--catch-up-horizon")
        {
            Description = "At start, run the latest occurrence missed while the worker was down once, if it is no older than this (90s, 15m, 12h, 1d); 0 turns catch-up off. Default: 1d.",
            DefaultValueFactory = _ => "1d",
        };
        var maxRuns = new Option<int>("--max-concurrent-runs")
        {
            Description = "At most this many job runs at once across all jobs; a run due while all are taken waits, its window unchanged. Default: 2.",
            DefaultValueFactory = _ => 2,
        }.Within(1, 256);
        var local = new LocalEngineOptions();
        var command = new Command("serve",
            "Run the job files of a folder on their cron schedules until stopped (Ctrl+C, SIGTERM). A job never overlaps itself: an occurrence due while its previous run goes on is skipped and recorded; at most --max-concurrent-runs runs go at once. "
            + "On stop, running queries are stopped (Athena too) and the runs recorded as cancelled. Exit 0 when stopped, 1 when the worker failed, 2 for bad settings: a missing jobs folder, a state folder that cannot be written, or one another serve already holds (it is named).")
        { jobs, state, queries.Queries, horizon, maxRuns };
        local.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var queriesFolder = QueryCatalog.RootFor(parse.GetValue(queries.Queries));
            var settings = new WorkerOptions
            {
                JobsFolder = parse.GetRequiredValue(jobs),
                StateFolder = parse.GetRequiredValue(state),
                QueriesFolder = queriesFolder,
                CatchUpHorizon = ParseHorizon(parse.GetRequiredValue(horizon)),
                MaxConcurrentRuns = parse.GetValue(maxRuns),
            };
            var executorOptions = new JobExecutorOptions { QueriesFolder = queriesFolder, Local = local.Read(parse) };

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
            builder.Services.AddSingleton(clock);
            // The host would log a failed start or a faulted worker with its stack trace; serve reports it once, below, as a message.
            builder.Logging.AddFilter(HostCategory, LogLevel.None);
            var verbose = parse.GetValue(GlobalOptions.Verbose);
            builder.Services.AddSingleton<IJobExecutor>(services => new CliJobExecutor(
                executorOptions.LoggingTo(services.GetRequiredService<ILoggerFactory>().CreateLogger("FlowLogAthena.Jobs"), verbose), clock));
            builder.Services.AddJobWorker(options =>
            {
                options.JobsFolder = settings.JobsFolder;
                options.StateFolder = settings.StateFolder;
                options.QueriesFolder = settings.QueriesFolder;
                options.CatchUpHorizon = settings.CatchUpHorizon;
                options.MaxConcurrentRuns = settings.MaxConcurrentRuns;
            });
            using var host = builder.Build();
            var worker = host.Services.GetServices<IHostedService>().OfType<JobWorkerService>().Single();
            try
            {
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OptionsValidationException e)
            {
                throw new WorkerSettingsException("serve: " + string.Join(" ", e.Failures), e);
            }
            // A worker that failed while running (history no longer writable, say) exits non-zero so systemd restarts it.
            if (worker.ExecuteTask is { IsFaulted: true } faulted)
                ExceptionDispatchInfo.Throw(faulted.Exception!.GetBaseException());
            return ExitCodes.Success;
        });
        return command;
    }

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static TimeSpan ParseHorizon(string text) =>
        text.Trim() == "0" ? TimeSpan.Zero
        : Duration.TryParse(text, out var horizon) ? horizon
        : throw new WorkerSettingsException($"--catch-up-horizon '{text}' is not a duration such as 12h or 1d (or 0 for no catch-up).");
}
