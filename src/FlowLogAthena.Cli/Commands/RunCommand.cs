using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Local;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>run ID --engine local</c>: one query over a source and window, rows to a sink.</summary>
public static class RunCommand
{
    public static Command Create(Terminal terminal)
    {
        var source = new SourceOptions();
        var queries = new QueryOptions();
        var output = new OutputOptions();
        var id = QueryOptions.QueryId();
        var engine = EngineOption();
        var threads = new Option<int?>("--threads") { Description = "DuckDB threads (default: every core)." };
        var command = new Command("run", "Run a query over flow logs and write its result.") { id, engine, threads };
        source.AddTo(command);
        command.Add(queries.Params);
        command.Add(queries.Queries);
        output.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = queries.LoadCatalog(parse).Get(parse.GetRequiredValue(id));
            var window = source.GetWindow(parse);
            var flowLogs = await source.ResolveSourceAsync(parse, window, terminal, cancellationToken).ConfigureAwait(false);
            var parameters = queries.GetParameters(parse);
            var sink = output.CreateSink(parse, terminal, query.Title);
            await using var duckDb = new DuckDbEngine(new DuckDbEngineOptions { Threads = parse.GetValue(threads) }, new Core.Sources.LocalLogFileLister());
            var runner = new QueryRunner(duckDb);
            runner.Render(query, flowLogs, window, parameters); // refuse bad input before touching any file
            var outcome = await terminal.StatusAsync($"Running {query.Id} on {duckDb.Name}…",
                () => runner.RunAsync(query, flowLogs, window, parameters, sink, cancellationToken)).ConfigureAwait(false);
            var stats = outcome.Stats;
            var destination = parse.GetValue(output.Out);
            terminal.Note($"[green]{Markup.Escape(query.Id)}[/]: {outcome.RowsWritten} rows from {stats.FilesRead} files ({Bytes(stats.BytesScanned)}) in {stats.EngineTime.TotalSeconds:F2} s"
                + (destination is null ? "" : $" → {Markup.Escape(destination)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Option<string> EngineOption() => new Option<string>("--engine")
    {
        Description = "Query engine: local (embedded DuckDB; also accepted as duckdb). Athena arrives with Glue provisioning.",
        DefaultValueFactory = _ => "local",
    }.AcceptOnlyFromAmong("local", "duckdb");

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F1} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:F1} KiB",
        _ => $"{bytes} B",
    };
}
