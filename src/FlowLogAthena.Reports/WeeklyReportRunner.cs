using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports;

/// <summary>
/// Runs the report's catalog queries with the <see cref="BatchRunner"/> on any engine, for the report week and the
/// week before (one bound table each, <see cref="BoundTable.Over"/>): every result to a CSV under <c>this-week/</c> or <c>previous-week/</c>, kept in memory for the page. A
/// query whose fields the format lacks is skipped with the reason; one that fails is recorded and the rest still
/// run. Missing files for the previous week mean no data.
/// </summary>
public sealed class WeeklyReportRunner(BoundTable table, QueryCatalog catalog, TimeProvider? clock = null)
{
    public async Task<IReadOnlyList<ReportQueryOutcome>> RunAsync(WeeklyReportRequest request, IProgress<ReportQueryOutcome>? progress, CancellationToken cancellationToken)
    {
        // The queries of the flow log's kind: a Transit Gateway log gets the Transit Gateway section, not VPC sections that would all be skipped.
        var specs = ReportQuerySpec.For(table.Source.Format.Kind);
        var queries = specs.ToDictionary(s => s, s => catalog.Get(s.QualifiedId));
        ValidateParameters(queries.Values.ToList(), request.Parameters);
        var weeks = ReportWeeks.For(request.Week);
        var batch = new BatchRunner(clock ?? TimeProvider.System);
        var outcomes = new List<ReportQueryOutcome>();
        // One week at a time, one bound table each: an engine that loads a window once reuses it for every query of the week.
        foreach (var week in new[] { ReportWeek.This, ReportWeek.Previous })
        {
            var weekTable = table.Over(weeks.Of(week));
            var runs = specs.Select(spec => new ReportRun(spec, week, FileFor(spec, week), request.OutputFolder)).ToList();
            var items = runs.Select(run => run.Item(queries[run.Spec], weekTable, request.Parameters)).ToList();
            var byItem = items.Zip(runs).ToDictionary(p => p.First, p => p.Second);
            var seen = new ImmediateProgress<BatchOutcome>(o =>
            {
                var outcome = byItem[o.Item].Outcome(o, weekTable.Window);
                outcomes.Add(outcome);
                progress?.Report(outcome);
            });
            var result = await batch.RunAsync(items, seen, cancellationToken).ConfigureAwait(false);
            result.Stopped.ThrowIfStopped(cancellationToken);
        }
        return outcomes;
    }

    /// <summary>The relative CSV path of one run, e.g. <c>this-week/security/rejects-per-day.csv</c>.</summary>
    public static string FileFor(ReportQuerySpec spec, ReportWeek week)
    {
        var folder = week == ReportWeek.This ? "this-week" : "previous-week";
        return Path.Combine(folder, spec.QualifiedId.Replace('/', Path.DirectorySeparatorChar)) + ".csv";
    }

    /// <summary>One report query for one week: its CSV, kept in memory for the page as it is written.</summary>
    private sealed class ReportRun(ReportQuerySpec spec, ReportWeek week, string relative, string outputFolder)
    {
        private CapturingCsvSink? _sink;

        public ReportQuerySpec Spec => spec;

        public BatchQuery Item(QueryDefinition query, BoundTable weekTable, IReadOnlyDictionary<string, string> given)
        {
            var parameters = new Dictionary<string, string>(spec.FixedParameters, StringComparer.Ordinal);
            foreach (var (name, value) in given) parameters[name] = value;
            var file = Path.Combine(outputFolder, relative);
            return new BatchQuery
            {
                Query = query,
                Table = weekTable,
                Parameters = parameters,
                File = file,
                Sink = () => _sink = new CapturingCsvSink(file),
                // The logs may begin after the previous week: that is no data, not an error.
                EmptyWindowIsNoData = week == ReportWeek.Previous,
            };
        }

        public ReportQueryOutcome Outcome(BatchOutcome outcome, TimeWindow window) => outcome.Status == QueryStatus.Ok
            ? new(spec, week, window, QueryStatus.Ok, _sink!.Table, relative, null, outcome.Stats)
            : new(spec, week, window, outcome.Status, ResultTable.Empty, null, outcome.Reason);
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
