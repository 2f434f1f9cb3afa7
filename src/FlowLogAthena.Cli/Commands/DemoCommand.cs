using System.CommandLine;
using System.Diagnostics;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Generation;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Local;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>demo</c>: the main job on the embedded engine, from nothing: a week of generated flow logs for
/// 2 accounts × 2 regions, every query of every pack, one CSV per query, and a summary.
/// </summary>
public static class DemoCommand
{
    /// <summary>Every v2–v5 field plus the v9 and v11 fields the cost pack reads, so every pack query finds the fields it needs.</summary>
    public static readonly string DemoFormat = string.Join(' ', FieldCatalog.All
        .Where(f => f.Version <= 5 || f.Name is "resource-id" or "instance-tag" or "interface-tag" or "asg-tag" or "interface-type" or "next-hop-az-id")
        .Select(f => "${" + f.Name + "}"));

    public static Command Create(Terminal terminal)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the generated logs (logs/) and the results (results/).", DefaultValueFactory = _ => "flowlog-demo" };
        var records = new Option<long>("--records") { Description = "Records to generate over the week.", DefaultValueFactory = _ => 1_000_000 };
        var days = new Option<int>("--days") { Description = "Days of logs, from 2026-11-02.", DefaultValueFactory = _ => 7 };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 1 };
        var queries = new QueryOptions();
        var command = new Command("demo", "Generate a week of flow logs for 2 accounts × 2 regions, run every query on embedded DuckDB, write CSVs and print a summary.")
        {
            outDir, records, days, seed, queries.Queries,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(parse.GetRequiredValue(outDir));
            var window = TimeWindow.Days(new DateOnly(2026, 11, 2), parse.GetValue(days));
            var catalog = queries.LoadCatalog(parse);
            var source = new FlowLogSource(Path.Combine(root, "logs"), FlowLogFormat.Parse(DemoFormat), SourceLayout.DefaultLayout);

            var generated = await GenerateCommand.RunAsync(terminal, new GeneratorOptions
            {
                Root = source.Root,
                Format = source.Format,
                Window = window,
                Records = parse.GetValue(records),
                Seed = parse.GetValue(seed),
            }, cancellationToken).ConfigureAwait(false);
            terminal.Note($"Generated {generated.Records:N0} records in {generated.Files.Count} files ({RunCommand.Bytes(generated.Bytes)}) under {Markup.Escape(source.Root)} in {generated.Elapsed.TotalSeconds:F1} s.");

            await using var engine = new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = true }, new LocalLogFileLister());
            var runner = new QueryRunner(engine);
            var summary = new Table().Border(TableBorder.Rounded).AddColumns("Query", "Rows", "Seconds", "CSV");
            // Queries that need a value only the user can give (an address to look at) are for `run`, not the demo.
            foreach (var query in catalog.All.Where(q => !q.Parameters.Any(p => p.Required)).OrderBy(q => q.QualifiedId, StringComparer.Ordinal))
            {
                var csv = Path.Combine(root, "results", query.Id + ".csv");
                var preview = new PreviewSink(CsvSink.ToFile(csv), keep: 5);
                var clock = Stopwatch.StartNew();
                var outcome = await terminal.StatusAsync($"Running {query.Id}…",
                    () => runner.RunAsync(query, source, window, new Dictionary<string, string>(), preview, cancellationToken)).ConfigureAwait(false);
                summary.AddRow(Markup.Escape(query.QualifiedId), outcome.RowsWritten.ToString("N0"), clock.Elapsed.TotalSeconds.ToString("F2"), Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, csv)));
                Show(terminal, query, preview);
            }
            terminal.Out.Write(summary);
            terminal.Note($"Window {Markup.Escape(window.ToString())}; results in {Markup.Escape(Path.Combine(root, "results"))}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Show(Terminal terminal, QueryDefinition query, PreviewSink preview)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"[bold]{Markup.Escape(query.Title)}[/] (first {preview.Preview.Count})");
        foreach (var column in preview.Columns) table.AddColumn(Markup.Escape(column.Name));
        foreach (var row in preview.Preview) table.AddRow(row.Select(v => Markup.Escape(ValueText.Format(v))).ToArray());
        terminal.Out.Write(table);
    }
}
