using System.CommandLine;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Commands;

/// <summary>How results are written.</summary>
public enum OutputKind
{
    Table,
    Csv,
    Json,
}

/// <summary><c>--output</c> and <c>--out</c>: the sink for a query's rows.</summary>
public sealed class OutputOptions
{
    public Option<OutputKind> Output { get; } = new("--output")
    {
        Description = "Result format: table (console), csv (RFC 4180) or json (JSON lines).",
        DefaultValueFactory = _ => OutputKind.Table,
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
        if (parse.GetValue(Output) == OutputKind.Table)
            throw new UsageException($"--out needs --output csv or json; a table is for the console (--out '{path}').");
        if (S3Uri.IsS3(path)) S3Uri.ParseObject(path, "--out");
        else OutputTarget.CheckFile(path, "--out");
    }

    public IResultSink CreateSink(ParseResult parse, Terminal terminal, string title, LazyAwsClients aws, S3WriteOptions writeOptions)
    {
        var kind = parse.GetValue(Output);
        var path = parse.GetValue(Out);
        if (S3Uri.IsS3(path))
        {
            var target = S3Uri.ParseObject(path!, "--out");
            var uploader = new S3Uploader(aws.Value.S3, writeOptions);
            return kind switch
            {
                OutputKind.Csv => new S3ResultSink(uploader, target, CsvSink.ToFile, "text/csv", copiesCsvResults: true),
                OutputKind.Json => new S3ResultSink(uploader, target, JsonLinesSink.ToFile, "application/x-ndjson"),
                _ => throw new UsageException("--out s3://… needs --output csv or json."),
            };
        }
        return (kind, path) switch
        {
            (OutputKind.Csv, not null) => CsvSink.ToFile(path),
            (OutputKind.Json, not null) => JsonLinesSink.ToFile(path),
            (OutputKind.Csv, null) => CsvSink.ToStream(terminal.OutputStream),
            (OutputKind.Json, null) => JsonLinesSink.ToStream(terminal.OutputStream),
            (OutputKind.Table, not null) => throw new UsageException("--out needs --output csv or json; a table is for the console."),
            _ => new ConsoleTableSink(terminal.Out, title),
        };
    }

    /// <summary>Beside an S3 export, the manifest that says what produced it (<c>&lt;key&gt;.manifest.json</c>).</summary>
    public static async Task WriteManifestAsync(IResultSink sink, QueryRunOutcome outcome, FlowLogSource source, string engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (sink is not S3ResultSink s3) return;
        var manifest = ExportManifest.For(outcome, source, engine, s3.Target.ToString(), s3.Target.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "jsonl",
            s3.Sha256, s3.CopiedFrom is null ? s3.Bytes : null, clock.GetUtcNow().UtcDateTime) with
        { CopiedFrom = s3.CopiedFrom };
        using var staging = StagingFolder.Create("manifest");
        var local = staging.FileNamed("manifest.json");
        await File.WriteAllTextAsync(local, manifest.ToJson(), cancellationToken).ConfigureAwait(false);
        await s3.Uploader.UploadAsync(local, s3.Target with { Key = s3.Target.Key + ".manifest.json" }, "application/json", cancellationToken).ConfigureAwait(false);
    }
}
