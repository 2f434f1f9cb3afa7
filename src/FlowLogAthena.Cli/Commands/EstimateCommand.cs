using System.CommandLine;
using System.Globalization;
using FlowLogAthena.Aws.Discovery;
using FlowLogAthena.Aws.Estimates;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Rendering;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>estimate ID</c>: the bytes a query will scan and what Athena would charge, before spending it. Text is read
/// whole; of Parquet (a Parquet source, or a text source's twin with <c>--twin</c>), only the column chunks of the
/// columns the query reads, summed from the objects' footers.
/// </summary>
public static class EstimateCommand
{
    public static Command Create(Terminal terminal)
    {
        var source = new SourceOptions();
        var aws = new AwsOptions();
        var queries = new QueryOptions();
        var id = QueryOptions.QueryId();
        var twin = new Option<string?>("--twin")
        {
            Description = "For a text source: its Parquet twin (the --twin of compact); the estimate adds what the same query scans there.",
        };
        var command = new Command("estimate",
            "Print the bytes a query will scan and Athena's cost ($5/TB, 10 MB minimum): text objects whole, Parquet only the needed columns (from the footers).")
        {
            id, twin,
        };
        source.AddTo(command);
        command.Add(queries.Params);
        command.Add(queries.Queries);
        command.Add(aws.ExpectedBucketOwner);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = queries.LoadCatalog(parse).Get(parse.GetRequiredValue(id));
            var window = source.GetWindow(parse);
            var flowLogs = source.GetSource(parse);
            var owner = parse.GetValue(aws.ExpectedBucketOwner);
            if (parse.GetValue(twin) is not null && flowLogs.Layout.FileFormat == LogFileFormat.Parquet)
                throw new Core.Errors.UsageException("--twin is for a text source; this source is Parquet already, and its own footers give the estimate.");
            using var clients = new LazyAwsClients(parse, terminal);
            // Listed once: the files give the format and the estimate.
            var files = await ListAsync(clients, flowLogs, window, owner, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(source.Format) is null
                && await DetectFormatAsync(clients, flowLogs, files, owner, cancellationToken).ConfigureAwait(false) is { } detected)
            {
                terminal.Note("Format from the files: " + Markup.Escape(detected.FormatString));
                flowLogs = flowLogs with { Format = detected };
            }
            // A query the flow log cannot serve (a field it lacks, the other kind of flow log) would not run: say so, as run does.
            FormatFitCheck.Ensure(query, flowLogs.Format);
            var columns = query.ColumnsRead(flowLogs.Format);

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Query", "Window", "Read from", "Partitions", "Objects", "Bytes to scan", "Athena cost (USD)");
            var (estimate, scan) = await EstimateAsync(clients, flowLogs, files, columns, owner, cancellationToken).ConfigureAwait(false);
            AddRow(table, query.Id, window, flowLogs, estimate, scan);
            ParquetColumnScan? twinScan = null;
            if (parse.GetValue(twin) is { } twinRoot)
            {
                var twinSource = TwinLayout.For(flowLogs, twinRoot);
                var twinFiles = await ListAsync(clients, twinSource, window, owner, cancellationToken).ConfigureAwait(false);
                (var twinEstimate, twinScan) = await EstimateAsync(clients, twinSource, twinFiles, columns, owner, cancellationToken).ConfigureAwait(false);
                AddRow(table, query.Id, window, twinSource, twinEstimate, twinScan);
            }
            terminal.Out.Write(table);
            terminal.Note($"{estimate.AccountsAndRegions.Count} account/region pairs: {Markup.Escape(string.Join(", ", estimate.AccountsAndRegions.Select(a => $"{a.Account}/{a.Region}")))}");
            terminal.Note($"The query reads {columns.Count} of the format's {flowLogs.Format.Fields.Count} columns: {Markup.Escape(string.Join(", ", columns))}.");
            if (scan is not null) NoteParquet(terminal, scan);
            if (twinScan is not null)
            {
                NoteParquet(terminal, twinScan);
                if (twinScan.BytesToScan > 0)
                    terminal.Note($"On the twin the query scans {(double)estimate.Bytes / twinScan.BytesToScan:F1}× less than on the text.");
            }
            else if (flowLogs.Layout.FileFormat == LogFileFormat.Text)
                terminal.Note("Text is read whole. A Parquet twin (flowlog-athena compact) is read by column; pass its --twin to see what this query would scan there.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A source's format as run takes it: a text source's from its header lines (every file of the window locally, one
    /// object per flow log on S3), a Parquet source's from the schema of its window's first file.
    /// </summary>
    private static async Task<FlowLogFormat?> DetectFormatAsync(LazyAwsClients clients, FlowLogSource source, IReadOnlyList<LogFile> files, string? owner,
        CancellationToken cancellationToken)
    {
        if (source.Layout.FileFormat == LogFileFormat.Parquet)
            return await new SampleFormatReader(source.IsS3 ? clients.Value.S3 : null, owner).ReadFirstAsync(files, LogFileFormat.Parquet, cancellationToken).ConfigureAwait(false);
        if (source.IsS3) return await new S3FormatDetector(clients.Value.S3, owner).DetectAsync(source, cancellationToken).ConfigureAwait(false);
        return await TextLogHeader.DetectAsync(files, cancellationToken).ConfigureAwait(false);
    }

    private static Task<IReadOnlyList<LogFile>> ListAsync(LazyAwsClients clients, FlowLogSource source, TimeWindow window, string? owner, CancellationToken cancellationToken)
    {
        ILogFileLister lister = source.IsS3 ? new S3LogFileLister(clients.Value.S3, owner) : new LocalLogFileLister();
        return lister.ListAsync(source, window, cancellationToken);
    }

    private static async Task<(ScanEstimate Listing, ParquetColumnScan? Columns)> EstimateAsync(
        LazyAwsClients clients, FlowLogSource source, IReadOnlyList<LogFile> files, IReadOnlyList<string> columns, string? owner, CancellationToken cancellationToken)
    {
        var listing = ScanEstimate.Of(files, source);
        if (source.Layout.FileFormat != LogFileFormat.Parquet) return (listing, null);
        var scan = await ParquetColumnScan.ForAsync(files, columns, source.IsS3 ? clients.Value.S3 : null, owner, cancellationToken).ConfigureAwait(false);
        return (listing, scan);
    }

    private static void AddRow(Table table, string query, TimeWindow window, FlowLogSource source, ScanEstimate listing, ParquetColumnScan? scan)
    {
        var bytes = scan?.BytesToScan ?? listing.Bytes;
        table.AddRow(Markup.Escape(query), Markup.Escape(window.ToString()),
            Markup.Escape($"{source.Root} ({source.Layout.FileFormat.ToString().ToLowerInvariant()})"),
            listing.Partitions.ToString(CultureInfo.InvariantCulture), listing.Files.ToString(CultureInfo.InvariantCulture),
            Markup.Escape(ByteSize.Format(bytes) + (scan is null ? "" : $" of {ByteSize.Format(scan.ParquetBytes)}")),
            AthenaCost.EstimateUsd(bytes).ToString("0.000000", CultureInfo.InvariantCulture));
    }

    private static void NoteParquet(Terminal terminal, ParquetColumnScan scan) =>
        terminal.Note($"Parquet: {ByteSize.Format(scan.ColumnBytes)} of column chunks and {ByteSize.Format(scan.FooterBytes)} of footers in {scan.Files} objects, "
            + (scan.Requests > 0 ? $"found with {scan.Requests} ranged GETs ({ByteSize.Format(scan.BytesFetched)})." : "found in their footers."));
}
