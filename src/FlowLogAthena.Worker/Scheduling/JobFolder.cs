using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Queries;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Worker.Scheduling;

/// <summary>
/// Loads the scheduled jobs of a folder: every <c>*.yaml</c> and <c>*.yml</c> directly in it, parsed and checked
/// against the query catalog as <c>job validate</c> does. A file that fails is logged with its FILE:LINE reason
/// and skipped, so one bad file never stops the others; a job without a schedule is logged and ignored.
/// </summary>
public static class JobFolder
{
    public static IReadOnlyList<JobDefinition> Load(string folder, QueryCatalog catalog, IReadOnlyList<JobReportKind> reports, DateTimeOffset now, ILogger logger)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var jobs = new List<JobDefinition>();
        foreach (var file in files)
        {
            JobDefinition job;
            try
            {
                job = JobFileParser.Load(file);
                JobValidator.Validate(job, catalog, reports, now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever is wrong with one file (product errors name FILE:LINE), the other jobs still run.
                logger.JobFileRejected(file, e is FlowLogAthenaException ? e.Message : $"{file}: cannot be loaded: {e.Message} ({e.GetType().Name})");
                continue;
            }
            if (job.Schedule is null)
            {
                logger.JobUnscheduled(job.Name, file);
                continue;
            }
            if (jobs.Find(j => j.Name == job.Name) is { } twin)
            {
                logger.JobNameTaken(file, job.Name, twin.Path);
                continue;
            }
            jobs.Add(job);
            logger.JobLoaded(job.Name, file, job.Schedule.Text, job.Schedule.TimeZone.Id);
        }
        return jobs;
    }
}
