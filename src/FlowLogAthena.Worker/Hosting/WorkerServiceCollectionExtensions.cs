using FlowLogAthena.Core.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlowLogAthena.Worker.Hosting;

/// <summary>Puts the worker into a host. The host also needs an <see cref="IJobExecutor"/> (the CLI's runs jobs as <c>job run</c> does).</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the worker: its options (bound from the "Worker" configuration section, then
    /// <paramref name="configure"/>, checked at start), the system clock unless a <see cref="TimeProvider"/> is
    /// already registered, the host's shutdown timeout from the options, and the systemd integration (sd_notify
    /// readiness and journald log levels when started by systemd, nothing otherwise).
    /// </summary>
    public static IServiceCollection AddJobWorker(this IServiceCollection services, Action<WorkerOptions>? configure = null)
    {
        var worker = services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section);
        if (configure is not null) worker.Configure(configure);
        worker.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        // Read apart from the validated options: the host resolves its options while it is built, and a bad jobs
        // folder should fail the start with the validator's message, not the build.
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        {
            var settings = new WorkerOptions();
            configuration.GetSection(WorkerOptions.Section).Bind(settings);
            configure?.Invoke(settings);
            host.ShutdownTimeout = settings.ShutdownTimeout;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSystemd();
        services.AddHostedService<JobWorkerService>();
        return services;
    }
}
