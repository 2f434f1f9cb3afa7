using System.Text.Json;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Worker.Hosting;
using FlowLogAthena.Worker.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowLogAthena.Worker.Tests;

/// <summary>The worker in a real generic host, configured from the command line, with the fake executor and clock.</summary>
public sealed class WorkerHostTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-worker-tests", Guid.NewGuid().ToString("N"));
    private readonly Changes _changes = new();

    [Fact]
    public async Task Host_runs_a_job_on_schedule_records_it_and_stops_cleanly()
    {
        var jobs = Directory.CreateDirectory(Path.Combine(_root, "jobs")).FullName;
        File.WriteAllText(Path.Combine(jobs, "nightly.yaml"), Jobs.Scheduled("nightly", "30 6 * * *", "Europe/Berlin"));
        var state = Path.Combine(_root, "state");
        var clock = new ObservedClock(At("2026-11-10T05:00:00Z"), _changes);
        var executor = new FakeExecutor(_changes);
        var logs = new LogRecorder(_changes);
        using var host = Build(["--Worker:JobsFolder", jobs, "--Worker:StateFolder", state, "--Worker:QueriesFolder", RepositoryRoot.Queries, "--Worker:CatchUpHorizon", "06:00:00"],
            clock, executor, logs);

        await host.StartAsync();
        await clock.UntilWaiting();
        clock.Advance(TimeSpan.FromMinutes(30)); // 05:30Z is 06:30 CET
        await clock.UntilWaiting();
        await host.StopAsync();

        Assert.Equal(TimeSpan.FromHours(6), host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.CatchUpHorizon);
        Assert.Equal(TimeSpan.FromSeconds(100), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal([At("2026-11-10T05:30:00Z")], executor.Calls.Select(c => c.At));
        var line = Assert.Single(File.ReadAllLines(Path.Combine(state, "history", "nightly.jsonl")));
        using var record = JsonDocument.Parse(line);
        Assert.Equal(("nightly", "succeeded", "manifests/nightly/20261110T0530Z.json"),
            (record.RootElement.GetProperty("job").GetString(), record.RootElement.GetProperty("state").GetString(), record.RootElement.GetProperty("manifest").GetString()));
        var finished = Assert.Single(logs.Of(WorkerLog.RunFinishedId));
        Assert.Equal(LogLevel.Information, finished.Level);
        Assert.Equal("Job nightly run for 2026-11-10 05:30:00Z ended Succeeded; manifest: manifests/nightly/20261110T0530Z.json; error: ", finished.Message);
        var next = logs.Of(WorkerLog.NextRunId)[^1];
        Assert.Equal("Job nightly next runs at 2026-11-11 05:30:00Z (2026-11-11 06:30:00 +01:00 in Europe/Berlin)", next.Message);
    }

    [Fact]
    public async Task Host_refuses_to_start_without_a_jobs_folder_naming_what_is_missing()
    {
        var missing = Path.Combine(_root, "no-such-folder");
        using var host = Build(["--Worker:JobsFolder", missing, "--Worker:QueriesFolder", RepositoryRoot.Queries],
            new ObservedClock(At("2026-11-10T05:00:00Z"), _changes), new FakeExecutor(_changes), new LogRecorder(_changes));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal([$"the jobs folder '{missing}' does not exist.", "the state folder is not set (--state, or Worker:StateFolder)."], error.Failures);
    }

    private static IHost Build(string[] args, TimeProvider clock, IJobExecutor executor, LogRecorder logs)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(executor);
        builder.Services.AddJobWorker();
        return builder.Build();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
