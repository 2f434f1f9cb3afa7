using System.CommandLine;
using System.Diagnostics;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Inventory;
using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Core.Names;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Local;
using FlowLogAthena.Reports;
using FlowLogAthena.Synthetic;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>demo</c>: the main job on the embedded engine, from nothing: two weeks of generated flow logs with every
/// field for 2 accounts × 2 regions (planted findings included), every pack run over the second week as
/// <c>run --pack all</c> would (one CSV per query in a folder per pack, a summary per pack), and the weekly report
/// of that week against the one before (report.html with charts), then a table of what ran.
/// </summary>
public static class DemoCommand
{
    public static Command Create(Terminal terminal)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the generated logs (logs/), the pack results (results/<pack>/) and the weekly report (report/report.html).", DefaultValueFactory = _ => "flowlog-demo" };
        var records = new Option<long>("--records") { Description = "Records to generate over both weeks (the week looked at and the week before it).", DefaultValueFactory = _ => 1_000_000 }.Within(0, GeneratorOptions.MaxRecords);
        var days = new Option<int>("--days") { Description = "Days the packs and the report look at, from 2026-11-02; the same number of days before it is generated too, for the report's comparison.", DefaultValueFactory = _ => 7 }.Within(1, 366);
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 1 };
        var queries = new QueryOptions();
        var local = new LocalEngineOptions();
        var command = new Command("demo", "Generate two weeks of flow logs (every field, 2 accounts × 2 regions), run every pack over the second week on embedded DuckDB, write CSVs, summaries and the weekly report (report.html), print what ran.")
        {
            outDir, records, days, seed, queries.Queries,
        };
        local.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = OutputTarget.CheckFolder(parse.GetRequiredValue(outDir), "--out");
            var window = TimeWindow.Days(new DateOnly(2026, 11, 2), parse.GetValue(days));
            var generatedWindow = new TimeWindow(window.Before().From, window.To);
            var catalog = queries.LoadCatalog(parse);
            // Every file the demo will write is checked before it generates anything.
            OutputTarget.CheckFolderFiles(Path.Combine(root, "results"), PackRunner.OutputFiles(catalog.All), "--out");
            WeeklyReport.CheckOutputs(Path.Combine(root, "report"), "--out");
            var settings = local.Read(parse);
            var rangesFile = Path.Combine(root, "ip-ranges.json");
            if (!settings.IpRangesOff && settings.IpRangesFile is null) OutputTarget.CheckFile(rangesFile, "--out");
            var source = new FlowLogSource(Path.Combine(root, "logs"), FlowLogFormat.AllVpcFields, SourceLayout.DefaultLayout);

            var generation = new GeneratorOptions
            {
                Root = source.Root,
                Format = source.Format,
                Window = generatedWindow,
                Records = parse.GetValue(records),
                Seed = parse.GetValue(seed),
            };
            var generated = await GenerateCommand.RunAsync(terminal, generation, cancellationToken).ConfigureAwait(false);
            terminal.Note($"Generated {generated.Records:N0} records in {generated.Files.Count} files ({ByteSize.Format(generated.Bytes)}) under {Markup.Escape(source.Root)} in {generated.Elapsed.TotalSeconds:F1} s.");

            // The window is converted to the columnar store once (or, with --store off, parsed once into memory); every
            // query then reads that. Queries that need a value only the user can give (an address to look at, an
            // allow-list) are skipped with that reason.
            var ranges = await DemoRangesAsync(settings, rangesFile, generation.Regions, cancellationToken).ConfigureAwait(false);
            var snapshot = settings.InventorySnapshotPath;
            var names = new ResourceNames(ranges,
                snapshot is null ? null : new Lazy<IReadOnlyList<InterfaceRecord>>(() => InventorySnapshot.Read(Path.Combine(snapshot, InventorySnapshot.FileName))));
            var engineOptions = settings.EngineOptions(materializeWindow: true, text => terminal.Note(Markup.Escape(text)), ranges, snapshot);
            await using var packsTable = new BoundTable(new DuckDbEngine(engineOptions, new LocalLogFileLister()), source, window) { Names = names };
            var results = Path.Combine(root, "results");
            var clock = Stopwatch.StartNew();
            var outcomes = await terminal.StatusAsync("Running every pack…",
                () => new PackRunner(packsTable).RunAsync(catalog.All, new Dictionary<string, string>(), results, null, cancellationToken)).ConfigureAwait(false);
            terminal.Out.Write(PackSummaryTable.Create(outcomes, showFiles: true));
            var ran = outcomes.Count(o => o.Status == QueryStatus.Ok);
            terminal.Note($"{ran} of {outcomes.Count} queries ran in {clock.Elapsed.TotalSeconds:F1} s over {Markup.Escape(window.ToString())}; "
                + $"results and a summary.csv per pack in {Markup.Escape(results)}.");

            // The report reads both weeks: a second window, so the packs' engine is released first.
            await packsTable.DisposeAsync().ConfigureAwait(false);
            clock.Restart();
            await using var reportTable = new BoundTable(new DuckDbEngine(engineOptions, new LocalLogFileLister()), source, ReportWeeks.For(window).Both) { Names = names };
            var report = await terminal.StatusAsync("Writing the weekly report…",
                () => new WeeklyReport(reportTable, catalog).WriteAsync(new WeeklyReportRequest { Week = window, OutputFolder = Path.Combine(root, "report") }, null, cancellationToken)).ConfigureAwait(false);
            var reportFailed = report.Outcomes.Count(o => o.Status == QueryStatus.Failed);
            terminal.Note($"Weekly report ({Markup.Escape(window.ToString())} against the week before) in {clock.Elapsed.TotalSeconds:F1} s: {Markup.Escape(report.HtmlPath)}"
                + (reportFailed > 0 ? $"; [red]{reportFailed} query runs failed[/] (see {Markup.Escape(report.SummaryPath)})" : ""));
            return outcomes.Any(o => o.Status == QueryStatus.Failed) || reportFailed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The address ranges of the demo: --ip-ranges FILE when given, none with off, else the generator's own ranges
    /// (GeneratedIpRanges) written beside the logs, so egress classes and AWS destinations show as in a real account.
    /// </summary>
    private static async Task<Lazy<AwsAddressIndex>?> DemoRangesAsync(LocalEngineSettings settings, string rangesFile, IReadOnlyList<string> regions,
        CancellationToken cancellationToken)
    {
        if (settings.IpRangesOff) return null;
        if (settings.IpRangesFile is null)
            await AtomicFile.WriteAsync(rangesFile, async (stream, token) =>
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(GeneratedIpRanges.Json(regions)), token).ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        var path = settings.IpRangesFile ?? rangesFile;
        return new Lazy<AwsAddressIndex>(() => AwsAddressIndex.Build(AwsIpRanges.Load(path)));
    }
}
