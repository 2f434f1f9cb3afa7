using System.CommandLine;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>run ID --engine local</c>: one query over a source and window, rows to a sink.</summary>
public static class RunCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock)
    {
        var engines = new EngineOptions();
        var queries = new QueryOptions();
        var output = new OutputOptions();
        var id = QueryOptions.QueryId();
        id.Arity = ArgumentArity.ZeroOrOne;
        var pack = new Option<string?>("--pack") { Description = "Run every query of a pack (or all): one CSV per query under --out DIR/<pack>/, and a summary.csv per pack (for compliance: control, status pass/fail/skipped, evidence count and file)." };
        var command = new Command("run", "Run a query (or a whole pack with --pack) over flow logs and write its result.") { id, pack, engines.Engine };
        engines.Local.AddTo(command);
        engines.Source.AddTo(command);
        command.Add(queries.Params);
        command.Add(queries.Queries);
        output.AddTo(command);
        engines.Aws.AddTo(command);
        engines.Athena.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = queries.LoadCatalog(parse);
            var packName = parse.GetValue(pack);
            var queryId = parse.GetValue(id);
            if ((packName is null) == (queryId is null))
                throw new UsageException("Name one query (run top-talkers …) or one pack (run --pack traffic …, or --pack all), not both or neither.");
            var window = engines.Source.GetWindow(parse);
            var parameters = queries.GetParameters(parse);
            // Everything the user named is checked before the engine opens (an S3 sync, a load of the window).
            var packQueries = packName is null ? null : PackQueries(catalog, packName, parameters, parse.GetValue(output.Out));
            var query = queryId is null ? null : catalog.Get(queryId);
            if (query is not null) output.CheckTarget(parse);
            using var awsClients = new LazyAwsClients(parse, terminal);
            await using var table = await engines.OpenAsync(parse, window, materialize: packName is not null, awsClients, terminal, cancellationToken).ConfigureAwait(false);
            if (packQueries is not null)
                return await RunPacksAsync(terminal, packQueries, table, parameters, parse.GetValue(output.Out)!, cancellationToken).ConfigureAwait(false);

            var sink = output.CreateSink(parse, terminal, query!.Title, awsClients, engines.Aws.WriteOptions(parse), table.Names);
            var rendered = table.Render(query, parameters); // refuse bad input before touching any file or service
            if (parse.GetValue(GlobalOptions.Verbose)) terminal.Note(Markup.Escape($"{table.Engine.ToText()} SQL for {query.Id}:{Environment.NewLine}{rendered.Sql}"));
            var outcome = await terminal.StatusAsync($"Running {query.Id} on {table.Engine.ToText()}…",
                () => new QueryRunner(table).RunAsync(rendered, sink, cancellationToken)).ConfigureAwait(false);
            await OutputOptions.WriteManifestAsync(sink, outcome, table.Source, table.Engine.ToText(), clock, cancellationToken).ConfigureAwait(false);
            var stats = outcome.Stats;
            var destination = parse.GetValue(output.Out);
            var read = stats.FilesRead > 0 ? $"from {stats.FilesRead} files ({ByteSize.Format(stats.BytesScanned)})" : $"{ByteSize.Format(stats.BytesScanned)} scanned";
            var cost = stats.CostUsd is { } usd ? $", ${usd:0.000000}" : "";
            var execution = stats.ExecutionId is { } executionId && table.Engine == EngineKind.Athena ? $" (execution {executionId})" : "";
            terminal.Note($"[green]{Markup.Escape(query.Id)}[/]: {outcome.RowsWritten} rows {read} in {stats.EngineTime.TotalSeconds:F2} s{cost}{Markup.Escape(execution)}"
                + (destination is null ? "" : $" → {Markup.Escape(destination)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The queries of <c>--pack</c>, with their parameters and every file the run will write checked.</summary>
    private static IReadOnlyList<QueryDefinition> PackQueries(QueryCatalog catalog, string packName, IReadOnlyDictionary<string, string> parameters, string? outFolder)
    {
        if (outFolder is null || S3Uri.IsS3(outFolder))
            throw new UsageException("--pack needs --out DIR: a local folder for one CSV per query and a summary.csv per pack.");
        var queries = packName == "all" ? catalog.All : catalog.InPack(packName);
        PackParameters.Validate(queries, parameters);
        OutputTarget.CheckFolderFiles(outFolder, PackRunner.OutputFiles(queries), "--out");
        return queries;
    }

    private static async Task<int> RunPacksAsync(Terminal terminal, IReadOnlyList<QueryDefinition> queries, BoundTable table,
        IReadOnlyDictionary<string, string> parameters, string outFolder, CancellationToken cancellationToken)
    {
        var outcomes = await new PackRunner(table).RunAsync(queries, parameters, outFolder,
            new ImmediateProgress<PackQueryOutcome>(o => terminal.Note($"{Markup.Escape(o.Query.QualifiedId)}: {o.Verdict.ToText()}, {o.Rows} rows in {o.Elapsed.TotalSeconds:F2} s{(o.Reason is null ? "" : " — " + Markup.Escape(o.Reason))}")),
            cancellationToken).ConfigureAwait(false);
        terminal.Out.Write(PackSummaryTable.Create(outcomes));
        return outcomes.Any(o => o.Status == QueryStatus.Failed) ? ExitCodes.Failure : ExitCodes.Success;
    }

}
