using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Discovery;
using FlowLogAthena.Aws.Inventory;
using FlowLogAthena.Aws.IpRanges;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Inventory;
using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Core.Names;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Local;
using FlowLogAthena.Local.Store;

namespace FlowLogAthena.Cli.Engines;

/// <summary>
/// The one place an engine choice turns into engine-specific setup, for commands and jobs alike: Athena over the
/// Glue table (the source read from the table when not given), or DuckDB over a folder, an S3 source first synced
/// (the window's objects only) into the local cache, and a text source's format read from its header when not
/// given. AWS clients are asked for only when needed.
/// </summary>
public sealed class EngineOpener(Func<AwsClients> aws, Action<string>? note = null, IProgress<AthenaQueryProgress>? athenaProgress = null)
{
    /// <summary>The source bound to the chosen engine for <paramref name="window"/>; disposing it closes the engine.</summary>
    public async Task<BoundTable> OpenAsync(EngineRequest request, TimeWindow window, CancellationToken cancellationToken)
    {
        // AWS's address ranges, read at most once and only when a query or a table people read needs them: the local
        // engine's table, and the names beside addresses (on Athena too, from the local copy; its queries join the
        // published table). The inventory's latest local snapshot likewise names interfaces and their addresses.
        var ranges = IpRanges(request.Local, onAthena: request.Athena is not null);
        var snapshot = request.Local.InventorySnapshotPath;
        var (engine, source) = request.Athena is { } athena
            ? await OpenAthenaAsync(athena, request.Source, request.FlowLogId, request.Local, window, cancellationToken).ConfigureAwait(false)
            : await OpenLocalAsync(request, ranges, snapshot, window, cancellationToken).ConfigureAwait(false);
        var inventory = snapshot is null ? null
            : new Lazy<IReadOnlyList<InterfaceRecord>>(() => InventorySnapshot.Read(Path.Combine(snapshot, InventorySnapshot.FileName)));
        return new BoundTable(engine, source, window) { Names = new ResourceNames(ranges, inventory) };
    }

    /// <summary>Checks Athena's settings as the user gave them: a bad one is bad input naming its option, not a crash.</summary>
    internal static void Validate(AthenaEngineOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new QueryParameterException(e.ParamName ?? "athena", e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private async Task<(IQueryEngine, FlowLogSource)> OpenAthenaAsync(AthenaEngineOptions options, FlowLogSource? source, string? flowLogId, LocalEngineSettings settings,
        TimeWindow window, CancellationToken cancellationToken)
    {
        Validate(options);
        if (settings.IpRangesFile is { } file)
            throw new UsageException($"--ip-ranges {file} is for the local engine; on Athena the ranges are the table 'flowlog-athena ranges publish' provisions beside the flow log table.");
        var clients = aws();
        var flowLogs = source ?? await GlueTableSource.ReadAsync(clients.Glue, options.Database, options.Table, cancellationToken).ConfigureAwait(false);
        flowLogs = GlueTableSource.Choose(flowLogs, flowLogId, options.TableReference);
        // Athena reads every object of a partition with the table's column order: refuse a window holding another flow log's objects.
        await new S3HeaderCheck(clients.S3, options.ExpectedBucketOwner).VerifyAsync(flowLogs, options.TableReference, window, cancellationToken).ConfigureAwait(false);
        // AWS's address ranges: the table ranges publish made in the same database, when there is one (and not turned off).
        if (!settings.IpRangesOff
            && await AwsIpRangesGlueTable.FindAsync(clients.Glue, options.Database, AwsIpRangesGlueTable.DefaultName, cancellationToken).ConfigureAwait(false) is { } ranges)
            options = options with { IpRangesTable = ranges };
        if (!settings.InventoryOff
            && await InventoryS3Store.FindAsync(clients.Glue, options.Database, InventoryS3Store.DefaultTable, cancellationToken).ConfigureAwait(false) is { } inventory)
            options = options with { InventoryTable = inventory };
        return (new AthenaEngine(options, clients.Athena, clients.S3, athenaProgress), flowLogs);
    }

    private async Task<(IQueryEngine, FlowLogSource)> OpenLocalAsync(EngineRequest request, Lazy<AwsAddressIndex>? ranges, string? snapshot, TimeWindow window,
        CancellationToken cancellationToken)
    {
        var source = request.Source ?? throw new SourceException("The local engine needs a source: the folder (or s3:// prefix) that holds AWSLogs/.");
        if (source.IsS3)
        {
            note?.Invoke($"Reading the window's objects from {source.Root}…");
            var synced = await new S3SourceCache(aws().S3, request.Local.CacheFolder ?? S3SourceCache.DefaultRoot, request.ExpectedBucketOwner)
                .SyncAsync(source, window, cancellationToken).ConfigureAwait(false);
            note?.Invoke($"{synced.Downloaded} objects downloaded ({ByteSize.Format(synced.BytesDownloaded)}), {synced.Reused} reused from {synced.LocalSource.Root}");
            source = synced.LocalSource;
        }
        if (!request.FormatGiven && source.Layout.FileFormat == LogFileFormat.Text)
        {
            // AWS writes the field names in each text file's first line; a store holding the window's files as they are
            // knows it without opening one.
            var files = await new LocalLogFileLister().ListAsync(source, window, cancellationToken).ConfigureAwait(false);
            if (request.Local.StoreFolder is { } storeFolder && new ColumnarStore(storeFolder).StoredFormatOf(source, files) is { } stored)
            {
                note?.Invoke("Format from the columnar store, which holds the window's files as they are: " + stored.FormatString);
                source = source with { Format = stored };
            }
            else if (await TextLogHeader.DetectAsync(files, cancellationToken).ConfigureAwait(false) is { } detected)
            {
                note?.Invoke("Format from the files' header: " + detected.FormatString);
                source = source with { Format = detected };
            }
        }
        else if (!request.FormatGiven && source.Layout.FileFormat == LogFileFormat.Parquet)
        {
            // A Parquet file names its columns: the first of the window gives the format; the read checks every file against it.
            var files = await new LocalLogFileLister().ListAsync(source, window, cancellationToken).ConfigureAwait(false);
            if (await new SampleFormatReader(null).ReadFirstAsync(files, LogFileFormat.Parquet, cancellationToken).ConfigureAwait(false) is { } schema)
            {
                note?.Invoke("Format from the Parquet schema: " + schema.FormatString);
                source = source with { Format = schema };
            }
        }
        if (snapshot is not null) note?.Invoke($"Interface inventory: snapshot {Path.GetFileName(snapshot)}, {snapshot}");
        var engine = new DuckDbEngine(request.Local.EngineOptions(request.MaterializeWindow, note, ranges, snapshot), new LocalLogFileLister());
        return (engine, source);
    }

    /// <summary>
    /// AWS's address ranges (the file given, else the cached copy; on Athena only the cached copy, for names), read and
    /// indexed when first used. A given file must be there now, so a wrong path fails before anything runs.
    /// </summary>
    private Lazy<AwsAddressIndex>? IpRanges(LocalEngineSettings settings, bool onAthena)
    {
        if ((onAthena ? (settings.IpRangesOff ? null : new AwsIpRangesCache(AwsIpRangesCache.DefaultFolder).Existing) : settings.IpRangesPath) is not { } path) return null;
        if (!onAthena && settings.IpRangesFile is not null && PathKinds.Of(path) is var kind && kind != PathKind.RegularFile)
            throw new AwsIpRangesException($"Address ranges file '{path}' {(kind == PathKind.Missing ? "does not exist" : $"is {PathKinds.Describe(kind)}, not a regular file")}.");
        return new Lazy<AwsAddressIndex>(() =>
        {
            var ranges = AwsIpRanges.Load(path);
            if (!onAthena) note?.Invoke($"Address ranges: AWS's ip-ranges.json published {ranges.CreateDate} ({ranges.Prefixes.Count} prefixes), {path}");
            return AwsAddressIndex.Build(ranges);
        });
    }
}
