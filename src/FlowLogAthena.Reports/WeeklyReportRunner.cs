using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Queries.Rendering;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports;

/// <summary>
/// Runs the report's catalog queries through <see cref="QueryRunner"/> on any engine, for the report week and the
/// week before: every result to a CSV under <c>this-week/</c> or <c>previous-week/</c>, kept in memory for the page. A
/// query whose fields the format lacks is skipped with the reason; one that fails is recorded and the rest still
/// run. Missing files for the previous week mean no data.
/// </summary>
public sealed class WeeklyReportRunner(BoundTable table, QueryCatalog catalog)
{
    public async Task<IReadOnlyList<ReportQueryOutcome>> RunAsync(WeeklyReportRequest request, IProgress<ReportQueryOutcome>? progress, CancellationToken cancellationToken)
    {
        var queries = ReportQuerySpec.All.ToDictionary(s => s, s => catalog.Get(s.QualifiedId));
        ValidateParameters(queries.Values.ToList(), request.Parameters);
        var weeks = ReportWeeks.For(request.Week);
        var outcomes = new List<ReportQueryOutcome>();
        // One week at a time: an engine that loads a window once reuses it for every query of the week.
        foreach (var week in new[] { ReportWeek.This, ReportWeek.Previous })
        {
            var weekTable = table.Over(weeks.Of(week));
            foreach (var spec in ReportQuerySpec.All)
            {
                var outcome = await RunOneAsync(weekTable, spec, queries[spec], week, request, cancellationToken).ConfigureAwait(false);
                // A CSV from an earlier run must not sit in the folder as if this run had produced it.
                var stale = Path.Combine(request.OutputFolder, FileFor(spec, week));
                if (outcome.File is null && File.Exists(stale)) File.Delete(stale);
                outcomes.Add(outcome);
                progress?.Report(outcome);
            }
        }
        return outcomes;
    }

    /// <summary>The relative CSV path of one run, e.g. <c>this-week/security/rejects-per-day.csv</c>.</summary>
    public static string FileFor(ReportQuerySpec spec, ReportWeek week)
    {
        var folder = week == ReportWeek.This ? "this-week" : "previous-week";
        return Path.Combine(folder, spec.QualifiedId.Replace('/', Path.DirectorySeparatorChar)) + ".csv";
    }

    private static async Task<ReportQueryOutcome> RunOneAsync(BoundTable weekTable, ReportQuerySpec spec, QueryDefinition query, ReportWeek week,
        WeeklyReportRequest request, CancellationToken cancellationToken)
    {
        var window = weekTable.Window;
        var missing = RequiredFieldsCheck.Missing(query, weekTable.Source.Format);
        if (missing.Count > 0)
            return new(spec, week, window, ReportQueryOutcome.Skipped, ResultTable.Empty, null, RequiredFieldsCheck.Message(query.Id, missing));

        var parameters = new Dictionary<string, string>(spec.FixedParameters, StringComparer.Ordinal);
        foreach (var (name, value) in request.Parameters)
            if (query.FindParameter(name) is not null) parameters[name] = value;

        var relative = FileFor(spec, week);
        var sink = new CapturingCsvSink(Path.Combine(request.OutputFolder, relative));
        try
        {
            var ran = await new QueryRunner(weekTable).RunAsync(query, parameters, sink, cancellationToken).ConfigureAwait(false);
            return new(spec, week, window, ReportQueryOutcome.Ok, sink.Table, relative, null, ran.Stats);
        }
        catch (TimeWindowException e) when (week == ReportWeek.Previous)
        {
            // The logs may begin after the previous week: that is no data, not an error.
            return new(spec, week, window, ReportQueryOutcome.NoData, ResultTable.Empty, null, e.Message);
        }
        catch (FlowLogAthenaException e) when (e is not TimeWindowException and not SourceException)
        {
            return new(spec, week, window, ReportQueryOutcome.Failed, ResultTable.Empty, null, e.Message);
        }
    }

    /// <summary>Names must belong to a report query, values must suit it, and the report's own settings stay its own.</summary>
    private static void ValidateParameters(IReadOnlyCollection<QueryDefinition> queries, IReadOnlyDictionary<string, string> parameters)
    {
        PackParameters.Validate(queries, parameters, "report");
        var fixedNames = ReportQuerySpec.All.SelectMany(s => s.FixedParameters.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var name in parameters.Keys.Where(fixedNames.Contains).Order(StringComparer.Ordinal))
            throw new QueryParameterException(name,
                $"The report sets '{name}' itself ({string.Join(", ", ReportQuerySpec.All.Where(s => s.FixedParameters.ContainsKey(name)).Select(s => $"{s.QualifiedId}: {s.FixedParameters[name]}"))}); leave it out.");
    }
}
