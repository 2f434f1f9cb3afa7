using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Local.Store;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>store status</c> and <c>store prune --before DATE</c>: see and trim the local engine's columnar store.</summary>
public static class StoreCommand
{
    public static Command Create(Terminal terminal)
    {
        var status = new Command("status", "List what the columnar store holds: per source folder and flow log format, its partitions, first and last day and size.");
        var statusStore = StoreOption();
        status.Options.Add(statusStore);
        status.SetAction(parse =>
        {
            var store = new ColumnarStore(parse.GetRequiredValue(statusStore));
            var entries = StoreInventory.Read(store);
            if (entries.Count == 0)
            {
                terminal.Note($"The store {Markup.Escape(store.Root)} is empty: the local engine fills it on its first run over text logs.");
                return ExitCodes.Success;
            }
            // Lines, not a table: paths and formats stay whole, to copy into --source and --format.
            foreach (var e in entries)
            {
                terminal.Out.WriteLine($"{e.Source} ({e.Layout}): {e.Partitions} partitions, {e.FirstDay:yyyy-MM-dd} to {e.LastDay:yyyy-MM-dd}, {ByteSize.Format(e.Bytes)}");
                terminal.Out.WriteLine($"  format: {e.Format}");
                terminal.Out.WriteLine($"  folder: {e.Folder}");
            }
            terminal.Note($"{ByteSize.Format(entries.Sum(e => e.Bytes))} in {Markup.Escape(store.Root)}. Deleting it (or any part of it) is safe: what is missing is converted again.");
            return ExitCodes.Success;
        });

        var before = new Option<string>("--before") { Description = "Remove every partition of a day before this date (yyyy-MM-dd, UTC).", Required = true };
        var pruneStore = StoreOption();
        var prune = new Command("prune", "Remove the store's partitions of days before --before, for every source and format (each under its lock, so a run converting it meanwhile is waited for).")
        {
            before, pruneStore,
        };
        prune.SetAction(async (parse, cancellationToken) =>
        {
            var day = DateOnly.FromDateTime(TimeWindow.ParseInstant(parse.GetRequiredValue(before), "--before"));
            var store = new ColumnarStore(parse.GetRequiredValue(pruneStore));
            var pruned = await StoreInventory.PruneAsync(store, day, cancellationToken).ConfigureAwait(false);
            terminal.Note($"Removed {pruned.Partitions} partitions ({ByteSize.Format(pruned.Bytes)}) of days before {day:yyyy-MM-dd} from {Markup.Escape(store.Root)}.");
            return ExitCodes.Success;
        });

        return new Command("store", "See and trim the local engine's columnar store (the Parquet copy of text logs it has read).") { status, prune };
    }

    private static Option<string> StoreOption() => new("--store")
    {
        Description = "The store folder (default: ~/.cache/flowlog-athena/store).",
        DefaultValueFactory = _ => ColumnarStore.DefaultRoot,
        HelpName = "DIR",
    };
}
