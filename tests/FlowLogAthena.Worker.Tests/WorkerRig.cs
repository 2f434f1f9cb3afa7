using FlowLogAthena.Worker.History;
using FlowLogAthena.Worker.Hosting;
using FlowLogAthena.Worker.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Worker.Tests;

/// <summary>
/// A worker over real job files in a temp folder and the repository's query packs, with the fake clock, the fake
/// executor and a log recorder. History is really written under the temp state folder.
/// </summary>
public sealed class WorkerRig : IDisposable
{
    private JobWorkerService? _service;
    private ILoggerFactory? _loggers;

    public WorkerRig(DateTimeOffset start, bool gated = false)
    {
        Clock = new ObservedClock(start, Changes);
        Executor = new FakeExecutor(Changes) { Gated = gated };
        Logs = new LogRecorder(Changes);
        Directory.CreateDirectory(JobsFolder);
        Options = new WorkerOptions { JobsFolder = JobsFolder, StateFolder = StateFolder, QueriesFolder = RepositoryRoot.Queries };
        History = new RunHistory(StateFolder);
    }

    public Changes Changes { get; } = new();

    public ObservedClock Clock { get; }

    public FakeExecutor Executor { get; }

    public LogRecorder Logs { get; }

    public WorkerOptions Options { get; }

    public RunHistory History { get; }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "flowlog-athena-worker-tests", Guid.NewGuid().ToString("N"));

    public string JobsFolder => Path.Combine(Root, "jobs");

    public string StateFolder => Path.Combine(Root, "state");

    public string AddJob(string file, string yaml)
    {
        var path = Path.Combine(JobsFolder, file);
        File.WriteAllText(path, yaml);
        return path;
    }

    public Task StartAsync()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        _service = new JobWorkerService(Microsoft.Extensions.Options.Options.Create(Options), Executor, Clock, _loggers.CreateLogger<JobWorkerService>());
        return _service.StartAsync(CancellationToken.None);
    }

    public Task StopAsync() => _service!.StopAsync(CancellationToken.None);

    /// <summary>The service's ExecuteAsync, which ends only on stop or on a failure the worker cannot go on with.</summary>
    public Task? Execution => _service?.ExecuteTask;

    public async Task<IReadOnlyList<RunRecord>> RecordsOf(string job) => (await History.ReadAsync(job, CancellationToken.None)).Records;

    public void Dispose()
    {
        _service?.Dispose();
        _loggers?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
