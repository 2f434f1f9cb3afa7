using System.CommandLine;
using FlowLogAthena.Cli.Compaction;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>compact</c>: a Parquet twin of a provisioned text table — its Glue table (projected, same columns) and its days,
/// written by Athena's UNLOAD or by the local engine, staged and then published, each day once until its text changes.
/// </summary>
public static class CompactCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock)
    {
        var engine = new Option<string>("--engine")
        {
            Description = "Who writes the Parquet: athena (UNLOAD, in AWS) or local (DuckDB here, then uploaded).",
            DefaultValueFactory = _ => "athena",
        }.AcceptOnlyFromAmong("athena", "local");
        var twin = new Option<string>("--twin") { Description = "s3:// prefix of the Parquet twin (outside the text source's AWSLogs/).", Required = true };
        var twinTable = new Option<string?>("--twin-table") { Description = "Glue table of the twin (default: the text table's name + _parquet)." };
        var force = new Option<bool>("--force") { Description = "Compact days again even when their marker says their text has not changed." };
        var flowLogId = SourceOptions.FlowLogIdOption();
        var window = new SourceOptions();
        var athena = new AthenaOptions();
        var aws = new AwsOptions();
        var local = new LocalEngineOptions();
        var command = new Command("compact",
            "Make or update the Parquet twin of a provisioned text table for every UTC day the window touches: same columns, projected, read by every command like any Parquet flow log.")
        {
            engine, twin, twinTable, force, flowLogId, window.From, window.To,
        };
        athena.AddTo(command);
        aws.AddTo(command);
        local.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new CompactionRequest
            {
                Athena = athena.EngineOptions(parse, aws),
                TwinRoot = parse.GetRequiredValue(twin),
                TwinTable = parse.GetValue(twinTable),
                Window = window.GetWindow(parse),
                Local = parse.GetValue(engine) == "local",
                LocalSettings = local.Read(parse),
                Force = parse.GetValue(force),
                FlowLogId = FlowLogIds.Parse(parse.GetValue(flowLogId), "--flow-log-id"),
            };
            using var clients = new LazyAwsClients(parse, terminal);
            var outcome = await new TwinCompaction(() => clients.Value, text => terminal.Note(Markup.Escape(text)), AthenaOptions.Progress(terminal), clock)
                .RunAsync(request, cancellationToken).ConfigureAwait(false);
            Report(terminal, outcome);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(Terminal terminal, CompactionOutcome outcome)
    {
        var table = outcome.TwinTable;
        var name = Markup.Escape($"{table.Database}.{table.Name}");
        var result = outcome.TwinTableResult;
        terminal.Note(result.TableCreated ? $"Created the twin's table [bold]{name}[/] over {Markup.Escape(table.Storage.Location)}."
            : result.TableUpdated ? $"Updated the twin's table [bold]{name}[/] ({string.Join("; ", result.Changes.Select(c => Markup.Escape(c.ToString())))})."
            : $"The twin's table [bold]{name}[/] is as it should be.");
        var days = new Table().AddColumns("day", "state", "text objects", "text", "parquet objects", "parquet");
        foreach (var day in outcome.Days)
            days.AddRow(day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), State(day.State),
                day.SourceObjects.ToString(System.Globalization.CultureInfo.InvariantCulture), ByteSize.Format(day.SourceBytes),
                day.TwinObjects.ToString(System.Globalization.CultureInfo.InvariantCulture), ByteSize.Format(day.TwinBytes));
        terminal.Out.Write(days);
        var (text, parquet) = (outcome.Days.Sum(d => d.SourceBytes), outcome.Days.Sum(d => d.TwinBytes));
        terminal.Note($"{outcome.Days.Count(d => d.State == TwinDayState.Compacted)} days compacted, {outcome.Days.Count(d => d.State == TwinDayState.UpToDate)} up to date"
            + (text > 0 ? $"; the twin holds {ByteSize.Format(parquet)} for {ByteSize.Format(text)} of gzip text ({(double)parquet / text:F2}×)." : ".")
            + $" Query it with --engine athena --table {Markup.Escape(table.Name)}, or locally with --source {Markup.Escape(outcome.Twin.Root)} --file-format parquet"
            // A Parquet source's format is not read from its files: say it unless it is AWS's default.
            + (outcome.Twin.Format.FormatString == FlowLogFormat.Default.FormatString ? "." : $" --format '{Markup.Escape(outcome.Twin.Format.FormatString)}'."));
    }

    private static string State(TwinDayState state) => state switch
    {
        TwinDayState.Compacted => "compacted",
        TwinDayState.UpToDate => "up to date",
        _ => "no text",
    };
}
