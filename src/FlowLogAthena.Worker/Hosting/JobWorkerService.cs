using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Worker.History;
using FlowLogAthena.Worker.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowLogAthena.Worker.Hosting;

/// <summary>
/// The scheduled-jobs worker: loads the jobs folder once at start, then runs one <see cref="JobLoop"/> per job.
/// Different jobs run concurrently; one job never overlaps itself. On stop the token every running executor
/// holds is cancelled, and the host waits (up to <see cref="WorkerOptions.ShutdownTimeout"/>) for them to stop
/// their queries and for their runs to be recorded as cancelled.
/// </summary>
public sealed class JobWorkerService(
    IOptions<WorkerOptions> options,
    IJobExecutor executor,
    TimeProvider clock,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    private WorkerContext? _context;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var catalog = QueryCatalog.Load(settings.QueriesFolder);
        var jobs = JobFolder.Load(settings.JobsFolder, catalog, clock.GetUtcNow(), logger);
        if (jobs.Count == 0)
        {
            logger.NoJobs(settings.JobsFolder);
            return;
        }
        _context = new WorkerContext(executor, new RunHistory(settings.StateFolder), clock, settings.CatchUpHorizon, logger);
        await Task.WhenAll(jobs.Select(job => new JobLoop(job, _context).RunAsync(stoppingToken))).ConfigureAwait(false);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping(_context?.Running ?? 0);
        return base.StopAsync(cancellationToken);
    }
}
