using System.CommandLine;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Commands;

/// <summary>The options that describe a source (where, which format, which layout) and a time window.</summary>
public sealed class SourceOptions
{
    public Option<string?> Source { get; } = new("--source")
    {
        Description = "Folder or s3://bucket/prefix that holds AWSLogs/ (with --engine athena, default: read from the Glue table).",
    };

    public Option<string?> Format { get; } = FormatOption(
        "The flow log's LogFormat, e.g. \"${version} ${srcaddr} …\". When omitted, `run`, `estimate` and `provision` take it from the text files' header line (run and estimate: a Parquet file's schema); otherwise AWS's default v2 format.");

    public Option<string?> FlowLogId { get; } = FlowLogIdOption();

    /// <summary>--flow-log-id, for commands that take it without the other source options (compact, render).</summary>
    public static Option<string?> FlowLogIdOption() => new("--flow-log-id")
    {
        Description = "Read only this flow log (fl-…, in its files' names) where several deliver to the same prefix; `discover` lists them.",
    };

    public Option<PrefixStyle> Layout { get; } = new("--layout")
    {
        Description = "S3 prefix style the flow log was created with: default or hive (Hive-compatible).",
        DefaultValueFactory = _ => PrefixStyle.Default,
    };

    public Option<Partitioning> Partitioning { get; } = new("--partitioning")
    {
        Description = "Partition folders per day (daily) or per hour (hourly).",
        DefaultValueFactory = _ => Core.Sources.Partitioning.Daily,
    };

    public Option<LogFileFormat> FileFormat { get; } = new("--file-format")
    {
        Description = "Log file format: text (.log.gz) or parquet (.log.parquet).",
        DefaultValueFactory = _ => LogFileFormat.Text,
    };

    public Option<string> From { get; } = new("--from")
    {
        Description = "Window start, inclusive: a date (2026-11-02, UTC midnight) or ISO 8601 timestamp.",
        Required = true,
    };

    public Option<string> To { get; } = new("--to")
    {
        Description = "Window end, exclusive: a record counts when from <= start < to.",
        Required = true,
    };

    public static Option<string?> FormatOption(string description = "A flow log LogFormat, e.g. \"${version} ${srcaddr} …\"; AWS's default v2 format when omitted.") => new("--format")
    {
        Description = description,
    };

    public void AddTo(Command command, bool withWindow = true)
    {
        command.Add(Source);
        command.Add(Format);
        command.Add(FlowLogId);
        command.Add(Layout);
        command.Add(Partitioning);
        command.Add(FileFormat);
        if (!withWindow) return;
        command.Add(From);
        command.Add(To);
    }

    public FlowLogSource GetSource(ParseResult parse) => new(
        parse.GetValue(Source) switch
        {
            null => throw new Core.Errors.SourceException("--source is required: the folder or s3://bucket/prefix that holds AWSLogs/."),
            var blank when string.IsNullOrWhiteSpace(blank) => throw new Core.Errors.UsageException("--source is empty: give the folder or s3://bucket/prefix that holds AWSLogs/."),
            var given => given,
        },
        FlowLogFormat.Parse(parse.GetValue(Format)),
        GetLayout(parse),
        GetFlowLogId(parse));

    /// <summary>The flow log chosen with --flow-log-id, checked; null for every flow log under the source.</summary>
    public string? GetFlowLogId(ParseResult parse) => FlowLogIds.Parse(parse.GetValue(FlowLogId), "--flow-log-id");

    public SourceLayout GetLayout(ParseResult parse) =>
        new(parse.GetValue(Layout), parse.GetValue(Partitioning), parse.GetValue(FileFormat));

    public TimeWindow GetWindow(ParseResult parse) =>
        TimeWindow.Parse(parse.GetRequiredValue(From), parse.GetRequiredValue(To));
}
