using System.CommandLine;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Synthetic;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>generate</c>: synthetic flow logs in AWS's exact S3 layout, deterministic with a seed.</summary>
public static class GenerateCommand
{
    public static Command Create(Terminal terminal)
    {
        var outDir = new Option<string>("--out") { Description = "Folder or s3://bucket/prefix to write AWSLogs/ into.", Required = true };
        var aws = new AwsOptions();
        var format = SourceOptions.FormatOption(
            "A flow log LogFormat, e.g. \"${version} ${srcaddr} …\"; when omitted, the default of --kind (AWS's v2 format for vpc, all 36 fields for transit-gateway).");
        var kind = new Option<string>("--kind")
        {
            Description = "The kind of flow log to write: vpc (a VPC's interfaces) or transit-gateway (a hub-and-spoke transit gateway's attachments).",
            DefaultValueFactory = _ => "vpc",
        };
        kind.AcceptOnlyFromAmong([.. FlowLogKindNames.All]);
        var layout = new Option<PrefixStyle>("--layout") { Description = "default or hive S3 prefixes.", DefaultValueFactory = _ => PrefixStyle.Default };
        var partitioning = new Option<Partitioning>("--partitioning") { Description = "daily or hourly partition folders.", DefaultValueFactory = _ => Partitioning.Daily };
        var fileFormat = new Option<LogFileFormat>("--file-format") { Description = "text (.log.gz) or parquet (.log.parquet).", DefaultValueFactory = _ => LogFileFormat.Text };
        var from = new Option<string>("--from") { Description = "First instant of generated records (date or ISO timestamp, UTC).", DefaultValueFactory = _ => "2026-11-02" };
        var to = new Option<string>("--to") { Description = "End of generated records, exclusive.", DefaultValueFactory = _ => "2026-11-03" };
        var records = new Option<long>("--records") { Description = "Total records over all accounts, regions and partitions.", DefaultValueFactory = _ => 100_000 }.Within(0, GeneratorOptions.MaxRecords);
        var accounts = new Option<string[]>("--accounts") { Description = "12-digit account ids, comma-separated.", DefaultValueFactory = _ => ["012345678901", "123456789012"], CustomParser = SplitList };
        var regions = new Option<string[]>("--regions") { Description = "Regions, comma-separated.", DefaultValueFactory = _ => ["us-east-1", "eu-west-1"], CustomParser = SplitList };
        var filesPerPartition = new Option<int>("--files-per-partition") { Description = "Files per account, region and partition.", DefaultValueFactory = _ => 1 }.Within(1, 10_000);
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and options write byte-identical files.", DefaultValueFactory = _ => 1 };
        var noFindings = new Option<bool>("--no-findings")
        {
            Description = "Leave out the planted findings (open SSH, Telnet, a forbidden network, plaintext databases, …): clean data "
                + "that passes every compliance control with the parameters in queries/README.md.",
        };
        var command = new Command("generate", "Write realistic synthetic VPC or Transit Gateway flow logs in AWS's S3 layout and file naming.")
        {
            outDir, kind, format, layout, partitioning, fileFormat, from, to, records, accounts, regions, filesPerPartition, seed, noFindings,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetRequiredValue(outDir);
            var toS3 = S3Uri.IsS3(target);
            var bucketPrefix = toS3 ? S3Uri.Parse(target, "--out") : null;
            if (!toS3) OutputTarget.CheckFolder(target, "--out");
            using var staging = toS3 ? StagingFolder.Create("generate") : null;
            var options = new GeneratorOptions
            {
                Root = staging?.Path ?? target,
                Format = ChosenFormat(parse.GetValue(kind), parse.GetValue(format)),
                Layout = new SourceLayout(parse.GetValue(layout), parse.GetValue(partitioning), parse.GetValue(fileFormat)),
                Window = TimeWindow.Parse(parse.GetRequiredValue(from), parse.GetRequiredValue(to)),
                Records = parse.GetValue(records),
                Accounts = parse.GetRequiredValue(accounts),
                Regions = parse.GetRequiredValue(regions),
                FilesPerPartition = parse.GetValue(filesPerPartition),
                Seed = parse.GetValue(seed),
                PlantFindings = !parse.GetValue(noFindings),
            };
            var summary = await RunAsync(terminal, options, cancellationToken).ConfigureAwait(false);
            if (bucketPrefix is not null)
                await UploadAsync(summary, bucketPrefix, aws.WriteOptions(parse), parse, terminal, cancellationToken).ConfigureAwait(false);
            terminal.Note($"Wrote {summary.Records:N0} records in {summary.Files.Count} files ({ByteSize.Format(summary.Bytes)}) under {Markup.Escape(target)} "
                + $"in {summary.Elapsed.TotalSeconds:F2} s ({summary.RecordsPerSecond / 1e6:F2} M records/s).");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The given format, which must be of the given kind, or that kind's default.</summary>
    private static FlowLogFormat ChosenFormat(string? kindName, string? formatText)
    {
        // System.CommandLine already refused any other name.
        var kind = FlowLogKindNames.TryParse(kindName, out var parsed) ? parsed : FlowLogKind.Vpc;
        if (string.IsNullOrWhiteSpace(formatText)) return FlowLogFormat.DefaultOf(kind);
        var format = FlowLogFormat.Parse(formatText);
        return format.Kind == kind
            ? format
            : throw new FlowLogFormatException(
                $"--format is a {format.Kind.ToDisplayName()} flow log's format, and --kind is {kindName}; give --kind {format.Kind.ToName()} or a {kind.ToDisplayName()} format.");
    }

    /// <summary>Uploads the generated files under the S3 prefix with the keys AWS would give them.</summary>
    private static async Task UploadAsync(GenerationSummary summary, S3Uri prefix, S3WriteOptions writeOptions, ParseResult parse, Terminal terminal, CancellationToken cancellationToken)
    {
        using var clients = AwsOptions.CreateClients(parse, terminal);
        var uploader = new S3Uploader(clients.S3, writeOptions);
        await terminal.StatusAsync($"Uploading {summary.Files.Count} files to {prefix}…", async () =>
        {
            await Parallel.ForEachAsync(summary.Files, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, (file, ct) =>
                new ValueTask(uploader.UploadAsync(file.Path, prefix.Child(file.RelativePath), file.Path.EndsWith(".gz", StringComparison.Ordinal) ? "application/gzip" : "application/octet-stream", ct))).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Generates with a progress bar on a terminal, quietly otherwise.</summary>
    public static async Task<GenerationSummary> RunAsync(Terminal terminal, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var plan = FlowLogGenerator.Plan(options);
        if (!terminal.Interactive)
            return await FlowLogGenerator.GenerateAsync(plan, null, cancellationToken).ConfigureAwait(false);
        return await terminal.Err.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Generating flow logs", maxValue: Math.Max(1, options.Records));
            var progress = new Progress<GeneratorProgress>(p => task.Value = p.RecordsWritten);
            var summary = await FlowLogGenerator.GenerateAsync(plan, progress, cancellationToken).ConfigureAwait(false);
            task.Value = task.MaxValue;
            return summary;
        }).ConfigureAwait(false);
    }

    private static string[] SplitList(System.CommandLine.Parsing.ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
