using System.CommandLine;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>--output</c> and <c>--out</c>: the sink for a query's rows.</summary>
public sealed class OutputOptions
{
    /// <summary><c>--output</c>: a result format, or null for the console table.</summary>
    public Option<ResultFormat?> Output { get; } = new("--output")
    {
        Description = "Result format: table (console), csv (RFC 4180) or json (JSON lines).",
        DefaultValueFactory = _ => null,
        CustomParser = ParseFormat,
        HelpName = "table|csv|json",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the result to this file or s3:// object (it appears only when complete, with a manifest beside an S3 export; only a regular file is ever replaced, never a device, FIFO or folder); stdout when omitted.",
    };

    public void AddTo(Command command)
    {
        command.Add(Output);
        command.Add(Out);
    }

    /// <summary>
    /// Refuses a <c>--out</c> that cannot work before any work starts: empty, with <c>--output table</c>, or naming
    /// anything but a regular file (a device, FIFO, folder or a link to one).
    /// </summary>
    public void CheckTarget(ParseResult parse)
    {
        var path = parse.GetValue(Out);
        if (path is null) return;
        if (parse.GetValue(Output) is null)
            throw new UsageException($"--out needs --output csv or json; a table is for the console (--out '{path}').");
        if (S3Uri.IsS3(path)) S3Uri.ParseObject(path, "--out");
        else OutputTarget.CheckFile(path, "--out");
    }

    public IResultSink CreateSink(ParseResult parse, Terminal terminal, string title, LazyAwsClients aws, S3WriteOptions writeOptions,
        Core.Names.ResourceNames? names = null)
    {
        var format = parse.GetValue(Output);
        var path = parse.GetValue(Out);
        if (path is not null && format is null)
            throw new UsageException(S3Uri.IsS3(path) ? "--out s3://… needs --output csv or json." : "--out needs --output csv or json; a table is for the console.");
        if (format is null) return new ConsoleTableSink(terminal.Out, title, names);
        if (path is null) return format.ToStream(terminal.OutputStream);
        if (!S3Uri.IsS3(path)) return format.ToFile(path);
        // Athena already wrote a CSV result: a CSV export is copied server-side instead of passing through here.
        return new S3ResultSink(new S3Uploader(aws.Value.S3, writeOptions), S3Uri.ParseObject(path, "--out"), format, copiesCsvResults: format == ResultFormat.Csv);
    }

    /// <summary>Beside an S3 export, the manifest that says what produced it (<c>&lt;key&gt;.manifest.json</c>).</summary>
    public static async Task WriteManifestAsync(IResultSink sink, QueryRunOutcome outcome, FlowLogSource source, string engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (sink is not S3ResultSink s3) return;
        var manifest = ExportManifest.For(outcome, source, engine, s3.Target.ToString(), s3.Format.Name,
            s3.Sha256, s3.CopiedFrom is null ? s3.Bytes : null, clock.GetUtcNow().UtcDateTime) with
        { CopiedFrom = s3.CopiedFrom };
        await ManifestFile.PublishAsync(manifest, (local, token) =>
            s3.Uploader.UploadAsync(local, s3.Target with { Key = s3.Target.Key + ".manifest.json" }, ManifestFile.ContentType, token), cancellationToken).ConfigureAwait(false);
    }

    private static ResultFormat? ParseFormat(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "table": return null;
            case "csv": return ResultFormat.Csv;
            case "json": return ResultFormat.JsonLines;
            default:
                result.AddError($"--output '{text}' is not table, csv or json.");
                return null;
        }
    }
}
