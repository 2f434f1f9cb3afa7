using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Worker.History;
using FlowLogAthena.Worker.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowLogAthena.Worker.Hosting;

/// <summary>
/// The scheduled-jobs worker: loads the jobs folder once as the host starts (so a service manager hears "ready"
/// only after that, and a broken query packs folder fails the start), then runs one <see cref="JobLoop"/> per job.
/// Different jobs run concurrently, at most <see cref="WorkerOptions.MaxConcurrentRuns"/> at once; one job never overlaps itself. On stop the token every running executor
/// holds is cancelled, and the host waits (up to <see cref="WorkerOptions.ShutdownTimeout"/>) for them to stop
/// their queries and for their runs to be recorded as cancelled.
/// </summary>
public sealed class JobWorkerService(
    IOptions<WorkerOptions> options,
    IJobExecutor executor,
    TimeProvider clock,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    private IReadOnlyList<JobDefinition> _jobs = [];
    private WorkerContext? _context;
    private StateFolderLock? _stateLock;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // First the state folder: a second worker on it, or a folder that cannot be written, stops the start before any run.
        _stateLock = StateFolderLock.Acquire(settings.StateFolder, clock.GetUtcNow());
        var history = new RunHistory(settings.StateFolder);
        history.Prepare();
        var catalog = QueryCatalog.Load(settings.QueriesFolder);
        _jobs = JobFolder.Load(settings.JobsFolder, catalog, executor.ReportKinds, clock.GetUtcNow(), logger);
        if (_jobs.Count == 0) logger.NoJobs(settings.JobsFolder);
        _context = new WorkerContext(executor, history, clock, settings.CatchUpHorizon, logger, settings.MaxConcurrentRuns);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_jobs.Select(job => new JobLoop(job, _context!).RunAsync(stoppingToken)));

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping(_context?.Running ?? 0);
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _context?.Dispose();
        _stateLock?.Dispose();
        base.Dispose();
    }
}
