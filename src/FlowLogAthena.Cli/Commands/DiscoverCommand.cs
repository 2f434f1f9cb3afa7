using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FlowLogAthena.Aws.Discovery;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Sources.Discovery;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>discover</c>: every flow log under a folder or S3 prefix — its id, accounts and regions, kind, format, layout,
/// days, files and bytes — and the exact <c>provision</c> and <c>run</c> options to use each one: the first step on
/// one's own logs.
/// </summary>
public static class DiscoverCommand
{
    public static Command Create(Terminal terminal)
    {
        var source = new Option<string>("--source") { Description = "Folder or s3://bucket/prefix that holds AWSLogs/.", Required = true };
        var output = new Option<string>("--output")
        {
            Description = "table (console, with the commands for each flow log) or json (one JSON object per flow log, a line each).",
            DefaultValueFactory = _ => "table",
        }.AcceptOnlyFromAmong("table", "json");
        var aws = new AwsOptions();
        var command = new Command("discover",
            "List every flow log under a source (VPC and Transit Gateway, each layout), with its format read from one file, and the provision and run options for each.")
        {
            source, output,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetRequiredValue(source);
            if (string.IsNullOrWhiteSpace(root)) throw new UsageException("--source is empty: give the folder or s3://bucket/prefix that holds AWSLogs/.");
            var owner = parse.GetValue(aws.ExpectedBucketOwner);
            IReadOnlyList<DiscoveredFlowLog> found;
            if (S3Uri.IsS3(root))
            {
                using var clients = AwsOptions.CreateClients(parse, terminal);
                var (store, awsLogs) = new S3LogFileLister(clients.S3, owner).LayoutStore(root);
                found = await FlowLogDiscovery.FindAsync(store, awsLogs, new SampleFormatReader(clients.S3, owner).ReadAsync, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var (store, awsLogs) = LocalLogFileLister.LayoutStore(root);
                found = await FlowLogDiscovery.FindAsync(store, awsLogs, new SampleFormatReader(null).ReadAsync, cancellationToken).ConfigureAwait(false);
            }
            if (found.Count == 0)
                throw new SourceException($"No flow log files under '{root}/{PartitionPaths.Root}/': no account folder holds {PartitionPaths.Service} partitions with .log.gz or .log.parquet files.");
            if (parse.GetValue(output) == "json") WriteJson(terminal, root, found);
            else WriteTable(terminal, root, found);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(Terminal terminal, string root, IReadOnlyList<DiscoveredFlowLog> found)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Flow log", "Kind", "Accounts", "Regions", "Layout", "First day", "Last day", "Files", "Bytes", "Format");
        foreach (var log in found)
            table.AddRow(Markup.Escape(log.FlowLogId ?? "(no id in names)"), Kind(log), string.Join(", ", log.Accounts), string.Join(", ", log.Regions),
                LayoutText(log.Layout), Day(log.FirstDay), Day(log.LastDay), log.Files.ToString("N0", CultureInfo.InvariantCulture), ByteSize.Format(log.Bytes),
                Markup.Escape(log.Format?.FormatString ?? $"unknown: {log.FormatProblem}"));
        terminal.Out.Write(table);
        // Command lines go out unwrapped, so they can be copied whole.
        terminal.Output.WriteLine();
        foreach (var log in found)
        {
            terminal.Output.WriteLine($"{log.FlowLogId ?? "(files without a flow log id)"} ({Kind(log)}, {string.Join(", ", log.Accounts)} {string.Join(", ", log.Regions)}):");
            foreach (var line in Commands(root, log, found.Count > 1)) terminal.Output.WriteLine("  " + line);
        }
        if (found.Select(f => f.Format?.FormatString).Distinct().Count() > 1)
            terminal.Note("These flow logs have different formats: read each with its own --flow-log-id (and, on Athena, its own table).");
    }

    private static void WriteJson(Terminal terminal, string root, IReadOnlyList<DiscoveredFlowLog> found)
    {
        foreach (var log in found)
        {
            var commands = Commands(root, log, found.Count > 1);
            terminal.Output.WriteLine(JsonSerializer.Serialize(new
            {
                flow_log_id = log.FlowLogId,
                kind = log.Kind?.ToName(),
                accounts = log.Accounts,
                regions = log.Regions,
                layout = log.Layout.Prefix.ToString().ToLowerInvariant(),
                partitioning = log.Layout.Partitioning.ToString().ToLowerInvariant(),
                file_format = log.Layout.FileFormat.ToString().ToLowerInvariant(),
                first_day = Day(log.FirstDay),
                last_day = Day(log.LastDay),
                files = log.Files,
                bytes = log.Bytes,
                format = log.Format?.FormatString,
                format_problem = log.FormatProblem,
                sample_file = log.SampleFile,
                provision = commands[0],
                run = commands[1],
            }));
        }
    }

    /// <summary>
    /// The provision and run command lines for one flow log: its source, id (when the source holds others), format and
    /// layout spelled out, and a run over its last day of the pack that fits its kind.
    /// </summary>
    private static string[] Commands(string root, DiscoveredFlowLog log, bool several)
    {
        var options = new List<string> { "--source", Quote(root) };
        if (several && log.FlowLogId is { } id) options.AddRange(["--flow-log-id", id]);
        if (log.Format is { } format) options.AddRange(["--format", Quote(format.FormatString)]);
        if (log.Layout.Prefix == PrefixStyle.Hive) options.AddRange(["--layout", "hive"]);
        if (log.Layout.Partitioning == Partitioning.Hourly) options.AddRange(["--partitioning", "hourly"]);
        if (log.Layout.FileFormat == LogFileFormat.Parquet) options.AddRange(["--file-format", "parquet"]);
        var sourceOptions = string.Join(' ', options);
        var table = "vpc_flow_logs" + (several && log.FlowLogId is { } tableId ? "_" + tableId.Replace('-', '_') : "");
        var provision = $"flowlog-athena provision --engine athena {sourceOptions} --table {table} --start-date {Day(log.FirstDay)}";
        var what = log.Kind == FlowLogKind.TransitGateway ? "--pack transit --out results" : "top-talkers";
        var run = $"flowlog-athena run {what} {sourceOptions} --from {Day(log.LastDay)} --to {Day(log.LastDay.AddDays(1))}";
        return [provision, run];
    }

    private static string Kind(DiscoveredFlowLog log) => log.Kind?.ToDisplayName() ?? "unknown";

    private static string LayoutText(SourceLayout layout) =>
        $"{layout.Prefix.ToString().ToLowerInvariant()} {layout.Partitioning.ToString().ToLowerInvariant()} {layout.FileFormat.ToString().ToLowerInvariant()}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Single quotes for a POSIX shell; a quote inside becomes '\''.</summary>
    private static string Quote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
