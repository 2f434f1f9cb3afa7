using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Queries.Rendering;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Jobs;

/// <summary>One query a job will run, with the keys its outputs expand to for the resolved window.</summary>
public sealed record JobQueryPlan(QueryDefinition Query, IReadOnlyList<string> Outputs);

/// <summary>A query of a listed pack that a run would skip, and why (as <c>run --pack</c> skips it).</summary>
public sealed record JobSkippedQuery(QueryDefinition Query, string Reason);

/// <summary>
/// What a job would do if it ran at <see cref="At"/>: its queries with their parameters, window and outputs,
/// where the run's manifest goes, and the next scheduled run. A report job's queries have no outputs of their
/// own; the report writes everything into each of <see cref="ReportFolders"/>.
/// </summary>
public sealed record JobPlan(
    JobDefinition Job,
    DateTimeOffset At,
    TimeWindow Window,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<JobQueryPlan> Queries,
    IReadOnlyList<JobSkippedQuery> Skipped,
    string Manifest,
    DateTimeOffset? NextRun)
{
    public IReadOnlyList<string> ReportFolders { get; init; } = [];
}

/// <summary>
/// Checks a parsed job against the query catalog and the clock: every query and pack exists, every parameter is
/// declared by a query of the job and its value is valid for each query that declares it, a query named under
/// <c>queries:</c> gets its required parameters and (when the format is given) its fields, and the window is not
/// in the future. A query that only comes from a pack is skipped with its reason instead, as <c>run --pack</c> does.
/// </summary>
public static class JobValidator
{
    /// <param name="reports">The report kinds a <c>report:</c> may name, registered by the project that builds them.</param>
    public static JobPlan Validate(JobDefinition job, QueryCatalog catalog, IReadOnlyList<JobReportKind> reports, DateTimeOffset now)
    {
        if (job.Compact is not null) return CompactionPlan(job, now);
        var reportKind = job.Report is { } named ? ReportKind(job, named, reports) : null;
        var selected = new List<(QueryDefinition Query, JobItem? Explicit)>();
        foreach (var item in job.Queries)
        {
            QueryDefinition query;
            try
            {
                query = catalog.Get(item.Value);
            }
            catch (QueryDefinitionException e)
            {
                throw job.Error(item.Line, e.Message);
            }
            if (selected.Any(s => s.Query == query)) throw job.Error(item.Line, $"query '{query.Id}' is listed twice.");
            selected.Add((query, item));
        }
        foreach (var item in job.Packs)
        {
            foreach (var query in PackQueries(job, catalog, item))
                if (!selected.Any(s => s.Query == query)) selected.Add((query, null));
        }
        if (reportKind is not null)
            selected.AddRange(ReportQueries(job, catalog, reportKind, job.Report!.Line).Select(q => (q, (JobItem?)null)));

        var queries = selected.Select(s => s.Query).ToList();
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in job.Parameters)
        {
            // A parameter the report sets is refused as such, whatever its value.
            if (reportKind is not null && reportKind.ReportOwnedParameters.Contains(parameter.Name, StringComparer.Ordinal))
                throw job.Error(parameter.NameLine, $"the {reportKind.Name} report sets '{parameter.Name}' itself; leave it out.");
            try
            {
                PackParameters.Validate(queries, new Dictionary<string, string> { [parameter.Name] = parameter.Value }, "job");
            }
            catch (QueryParameterException e)
            {
                // An undeclared name is the key's fault; a declared one with a bad value is the value's.
                var declared = queries.Any(q => q.FindParameter(parameter.Name) is not null);
                throw job.Error(declared ? parameter.ValueLine : parameter.NameLine, e.Message);
            }
            given[parameter.Name] = parameter.Value;
        }

        var plans = new List<JobQueryPlan>();
        var skipped = new List<JobSkippedQuery>();
        var window = ResolveWindow(job, now);
        var firstDay = job.Window.FirstLocalDay(window);
        foreach (var (query, item) in selected)
        {
            var reason = SkipReason(query, given, job.Source.Format);
            if (reason is not null)
            {
                if (item is not null) throw job.Error(item.Line, $"query '{query.Id}' cannot run: {reason}.");
                skipped.Add(new JobSkippedQuery(query, reason));
                continue;
            }
            plans.Add(new JobQueryPlan(query, job.Report is not null ? [] : job.Outputs.Select(o => o.Template.Expand(job.Name, query.Pack, query.Id, firstDay)).ToList()));
        }
        if (plans.Count == 0)
        {
            var line = job.Report?.Line ?? (job.Packs.Count > 0 ? job.Packs[0].Line : 1);
            throw job.Error(line, "no query of the job can run: " + string.Join("; ", skipped.Select(s => $"{s.Query.Id}: {s.Reason}")) + ".");
        }
        CheckDistinctOutputs(job, plans);
        var manifest = job.Manifest.Template.ExpandForRun(job.Name, firstDay);
        if (plans.Any(p => p.Outputs.Contains(manifest, StringComparer.Ordinal)))
            throw job.Error(job.Manifest.Line, $"the run manifest {manifest} is also a query's output; give 'manifest:' a path of its own.");

        var reportFolders = job.Report is null ? [] : job.Outputs.Select(o => o.Template.ExpandForRun(job.Name, firstDay)).ToList();
        CheckLocalTargets(job, plans, manifest, reportFolders);
        return new JobPlan(job, now, window, given, plans, skipped, manifest, job.Schedule?.Next(now)) { ReportFolders = reportFolders };
    }

    /// <summary>A local output, report folder or manifest must be a regular file (or folder) or not exist yet, as for --out.</summary>
    private static void CheckLocalTargets(JobDefinition job, List<JobQueryPlan> plans, string manifest, List<string> reportFolders)
    {
        foreach (var plan in plans)
            for (var i = 0; i < plan.Outputs.Count; i++)
                Check(job, plan.Outputs[i], job.Outputs[i].Line, path => OutputTarget.CheckFile(path, $"output '{job.Outputs[i].Template}' →"));
        for (var i = 0; i < reportFolders.Count; i++)
            Check(job, reportFolders[i], job.Outputs[i].Line, path => OutputTarget.CheckFolder(path, $"output '{job.Outputs[i].Template}' →"));
        Check(job, manifest, job.Manifest.Line, path => OutputTarget.CheckFile(path, "the run manifest"));
    }

    private static void Check(JobDefinition job, string path, int line, Func<string, string> check)
    {
        if (path.StartsWith("s3://", StringComparison.Ordinal)) return;
        try
        {
            check(path);
        }
        catch (OutputTargetException e)
        {
            throw job.Error(line, e.Message);
        }
    }

    private static IReadOnlyList<QueryDefinition> PackQueries(JobDefinition job, QueryCatalog catalog, JobItem item)
    {
        if (item.Value == "all") return catalog.All;
        if (catalog.Packs.Contains(item.Value, StringComparer.Ordinal)) return catalog.InPack(item.Value);
        var message = $"no query pack '{item.Value}' in {catalog.Root}.";
        var nearest = catalog.Packs.Select(p => (Pack: p, Distance: p.StartsWith(item.Value, StringComparison.Ordinal) ? 0 : EditDistance.Between(item.Value, p)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Pack, StringComparer.Ordinal).FirstOrDefault();
        if (nearest.Pack is not null && nearest.Distance <= Math.Max(2, item.Value.Length / 3)) message += $" Did you mean '{nearest.Pack}'?";
        throw job.Error(item.Line, message + $" Packs: {string.Join(", ", catalog.Packs)}, or all.");
    }

    private static JobReportKind ReportKind(JobDefinition job, JobReport report, IReadOnlyList<JobReportKind> reports) =>
        reports.FirstOrDefault(k => k.Name == report.Name)
            ?? throw job.Error(report.Line, $"report '{report.Name}' is unknown; reports: {string.Join(", ", reports.Select(k => k.Name))}.");

    private static IEnumerable<QueryDefinition> ReportQueries(JobDefinition job, QueryCatalog catalog, JobReportKind kind, int line)
    {
        foreach (var id in kind.QueryIds)
        {
            QueryDefinition query;
            try
            {
                query = catalog.Get(id);
            }
            catch (QueryDefinitionException e)
            {
                throw job.Error(line, $"the {kind.Name} report runs '{id}', which the query catalog lacks: {e.Message}");
            }
            yield return query;
        }
    }

    private static string? SkipReason(QueryDefinition query, Dictionary<string, string> given, FlowLogFormat? format)
    {
        var missing = query.Parameters.Where(p => p.Required && !given.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0) return $"required parameter {string.Join(", ", missing)} is not given under 'parameters'";
        return format is null ? null : FormatFitCheck.Problem(query, format);
    }

    /// <summary>A compaction job runs no query: its plan is its window and its manifest.</summary>
    private static JobPlan CompactionPlan(JobDefinition job, DateTimeOffset now)
    {
        var window = ResolveWindow(job, now);
        var manifest = job.Manifest.Template.ExpandForRun(job.Name, job.Window.FirstLocalDay(window));
        Check(job, manifest, job.Manifest.Line, path => OutputTarget.CheckFile(path, "the run manifest"));
        return new JobPlan(job, now, window, new Dictionary<string, string>(), [], [], manifest, job.Schedule?.Next(now));
    }

    private static TimeWindow ResolveWindow(JobDefinition job, DateTimeOffset now)
    {
        var window = job.Window.Resolve(now);
        if (window.To > now.UtcDateTime)
            throw job.Error(job.Window.Line,
                $"window {window} ends in the future (now is {TimeWindow.Format(now.UtcDateTime)}); a run would miss records not yet delivered.");
        return window;
    }

    private static void CheckDistinctOutputs(JobDefinition job, List<JobQueryPlan> plans)
    {
        // {query} is required, so two keys can only collide across outputs that expand alike.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plan in plans)
            for (var i = 0; i < plan.Outputs.Count; i++)
                if (!seen.TryAdd(plan.Outputs[i], plan.Query.Id))
                    throw job.Error(job.Outputs[i].Line, $"output '{job.Outputs[i].Template}' writes {plan.Outputs[i]} twice; give each output a different path.");
    }
}
