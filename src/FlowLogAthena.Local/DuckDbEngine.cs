using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Local.Store;

namespace FlowLogAthena.Local;

/// <summary>
/// The embedded engine: an in-memory DuckDB per query, a view over only the window's files, and the
/// rendered SQL streamed back row by row. Cancellation interrupts DuckDB itself. With a columnar store, text
/// logs are converted to the store's Parquet once and every query reads the store, only the columns it needs.
/// </summary>
public sealed class DuckDbEngine(DuckDbEngineOptions options, ILogFileLister lister) : IQueryEngine
{
    private readonly ColumnarStore? _store = options.StoreFolder is { } folder ? new ColumnarStore(folder) : null;

    private readonly AwsIpRangesTable? _ipRanges = options.IpRanges is { } ranges ? new AwsIpRangesTable(ranges) : null;

    private readonly InterfaceInventoryTable? _inventory = options.InventorySnapshot is { } snapshot ? new InterfaceInventoryTable(snapshot) : null;

    // The window last queried, in memory or as a view over the store: kept while queries come for the same bound table.
    private OpenWindow? _window;

    public DuckDbEngine() : this(new DuckDbEngineOptions(), new LocalLogFileLister())
    {
    }

    public EngineKind Kind => EngineKind.Local;

    public SqlDialect Dialect => SqlDialect.DuckDb;

    public string TableReference => DuckDbSql.Identifier(options.ViewName);

    // The connections whose aws_ip_ranges table exists: it is made for the first query that reads it.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DuckDBConnection, object> _withIpRanges = [];

    public ReferenceTables References => new()
    {
        AwsIpRanges = _ipRanges is null ? null : AwsIpRangesTable.Reference,
        Interfaces = _inventory is null ? null : DuckDbSql.Identifier(InterfaceInventoryTable.Name),
    };

    public async Task<QueryResult> ExecuteAsync(RenderedQuery query, BoundTable table, CancellationToken cancellationToken)
    {
        var source = table.Source;
        if (query.Dialect != SqlDialect.DuckDb)
            throw new ArgumentException($"Query '{query.QueryId}' was rendered for {query.Dialect}, not DuckDB.", nameof(query));
        if (source.IsS3)
            throw new SourceException($"The local engine reads local folders; '{source.Root}' is in S3. Use --engine athena, or sync the logs to a folder first.");

        if (_store is not null && source.Layout.FileFormat == LogFileFormat.Text)
            return await ExecuteOnStoreAsync(_store, query, table, cancellationToken).ConfigureAwait(false);

        if (options.MaterializeWindow)
        {
            // One window in memory at a time, kept for as long as queries come for the same bound table.
            if (!ReferenceEquals(_window?.Table, table))
            {
                await DisposeWindowAsync().ConfigureAwait(false);
                _window = await MaterializeAsync(table, query, cancellationToken).ConfigureAwait(false);
            }
            await AddIpRangesIfReadAsync(_window.Connection, query, cancellationToken).ConfigureAwait(false);
            return await DuckDbQueryResult.StartAsync(_window.Connection, ownsConnection: false, query, _window.Files, cancellationToken).ConfigureAwait(false);
        }

        var files = await ListFilesAsync(table, cancellationToken).ConfigureAwait(false);
        return await CheckedRead.RunAsync(token => CheckFilesAsync(source, files, token), async token =>
        {
            var connection = await OpenAsync(token).ConfigureAwait(false);
            try
            {
                await CreateViewAsync(connection, options.ViewName, query, source, files, token).ConfigureAwait(false);
                await AddInventoryAsync(connection, token).ConfigureAwait(false);
                await DuckDbLockdown.ApplyAsync(connection, files, token).ConfigureAwait(false);
                await AddIpRangesIfReadAsync(connection, query, token).ConfigureAwait(false);
                return await DuckDbQueryResult.StartAsync(connection, ownsConnection: true, query, files, token).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A query over the store: the window's partitions converted where the store lacks them, then one connection
    /// with a view over their Parquet kept for as long as queries come for the same bound table.
    /// </summary>
    private async Task<QueryResult> ExecuteOnStoreAsync(ColumnarStore store, RenderedQuery query, BoundTable table, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_window?.Table, table))
        {
            await DisposeWindowAsync().ConfigureAwait(false);
            var textFiles = await ListFilesAsync(table, cancellationToken).ConfigureAwait(false);
            var files = await StoreBuilder.EnsureAsync(store, table.Source, textFiles, OpenAsync, query, options.Note, cancellationToken).ConfigureAwait(false);
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        FlowLogViewSql.OverStore(options.ViewName, table.Source, files), cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                catch (DuckDBException e)
                {
                    throw DuckDbErrors.Translate(e, query, files);
                }
                await AddInventoryAsync(connection, cancellationToken).ConfigureAwait(false);
                await DuckDbLockdown.ApplyAsync(connection, files, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            _window = new OpenWindow(table, connection, files);
        }
        await AddIpRangesIfReadAsync(_window.Connection, query, cancellationToken).ConfigureAwait(false);
        return await DuckDbQueryResult.StartAsync(_window.Connection, ownsConnection: false, query, _window.Files, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The Parquet twin's files for a text window (compaction with the local engine): the window's partitions are
    /// brought into the store (a temporary one below <paramref name="stagingFolder"/> when the store is off), then
    /// each is written as one twin file in <paramref name="stagingFolder"/>.
    /// </summary>
    public async Task<IReadOnlyList<StagedTwinPartition>> WriteTwinAsync(BoundTable table, SourceLayout twin, string stagingFolder, CancellationToken cancellationToken)
    {
        var source = table.Source;
        if (source.IsS3 || source.Layout.FileFormat != LogFileFormat.Text)
            throw new SourceException($"Only a local text source can be compacted by the local engine; '{source.Root}' is {(source.IsS3 ? "in S3" : "Parquet already")}.");
        var query = new RenderedQuery("compact", SqlDialect.DuckDb, "", table.Window, new Dictionary<string, string>());
        var store = _store ?? new ColumnarStore(Path.Combine(stagingFolder, "store"));
        var textFiles = await ListFilesAsync(table, cancellationToken).ConfigureAwait(false);
        var stored = await StoreBuilder.EnsureAsync(store, source, textFiles, OpenAsync, query, options.Note, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await TwinFiles.WriteAsync(connection, source, twin, stored, stagingFolder, query, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<LogFile>> ListFilesAsync(BoundTable table, CancellationToken cancellationToken)
    {
        var source = table.Source;
        var files = await lister.ListAsync(source, table.Window, cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
            throw new TimeWindowException(
                $"No flow log files under '{source.Root}' for {table.Window} in the {source.Layout} layout; check --from/--to and --layout.");
        return files;
    }

    /// <summary>Every text file whole: gzip complete, AWS's header naming the source's format (Parquet files are checked by their schema).</summary>
    private static Task CheckFilesAsync(FlowLogSource source, IReadOnlyList<LogFile> files, CancellationToken cancellationToken) =>
        source.Layout.FileFormat == LogFileFormat.Text
            ? TextLogHeader.VerifyAsync(source.Format, files, cancellationToken)
            : Task.CompletedTask;

    private async Task<DuckDBConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The window's rows, parsed once into a temporary table named like the view queries read.</summary>
    private async Task<OpenWindow> MaterializeAsync(BoundTable table, RenderedQuery query, CancellationToken cancellationToken)
    {
        var source = table.Source;
        var files = await ListFilesAsync(table, cancellationToken).ConfigureAwait(false);
        return await CheckedRead.RunAsync(token => CheckFilesAsync(source, files, token), async token =>
        {
            var connection = await OpenAsync(token).ConfigureAwait(false);
            try
            {
                const string filesView = "flow_log_files";
                await CreateViewAsync(connection, filesView, query, source, files, token).ConfigureAwait(false);
                // Row order means nothing to the queries; without it DuckDB loads the table on every core.
                await connection.ExecuteAsync(new CommandDefinition("SET preserve_insertion_order = false", cancellationToken: token)).ConfigureAwait(false);
                using var interrupt = token.Register(static c => ((DuckDBConnection)c!).CreateCommand().Cancel(), connection);
                try
                {
                    await Task.Run(() => connection.ExecuteAsync(new CommandDefinition(
                        $"CREATE TEMP TABLE {TableReference} AS SELECT * FROM {DuckDbSql.Identifier(filesView)}", cancellationToken: token)), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    token.ThrowIfCancellationRequested();
                    throw DuckDbErrors.Translate(e, query, files);
                }
                await AddInventoryAsync(connection, token).ConfigureAwait(false);
                // The rows are in memory now: the queries need no file at all.
                await DuckDbLockdown.ApplyAsync(connection, [], token).ConfigureAwait(false);
                return new OpenWindow(table, connection, files);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The view over the window's files, after the Parquet files' schemas are checked; DuckDB's errors name the file.</summary>
    private static async Task CreateViewAsync(DuckDBConnection connection, string viewName, RenderedQuery query, FlowLogSource source, IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        try
        {
            if (source.Layout.FileFormat == LogFileFormat.Parquet)
                await ParquetSchemaCheck.EnsureAsync(connection, source.Format, files, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(FlowLogViewSql.Create(viewName, source, files), cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DuckDBException e)
        {
            throw DuckDbErrors.Translate(e, query, files);
        }
    }

    /// <summary>The interface inventory table, read from its snapshot file before the lockdown forbids reading files.</summary>
    private async Task AddInventoryAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (_inventory is not null) await _inventory.CreateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>AWS's address ranges as a table in the connection, made (in memory) for the first query that reads them.</summary>
    private async Task AddIpRangesIfReadAsync(DuckDBConnection connection, RenderedQuery query, CancellationToken cancellationToken)
    {
        if (_ipRanges is null || _withIpRanges.TryGetValue(connection, out _) || !query.Sql.Contains(AwsIpRangesTable.Reference, StringComparison.Ordinal)) return;
        await _ipRanges.CreateAsync(connection, cancellationToken).ConfigureAwait(false);
        _withIpRanges.Add(connection, query);
    }

    private async Task ConfigureAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        // Nothing may reach for the network: extensions are built in or absent.
        var settings = new List<string> { "SET autoinstall_known_extensions = false", "SET enable_progress_bar = false" };
        if (options.Threads is { } threads) settings.Add($"SET threads = {threads}");
        if (options.MemoryLimit is { } limit) settings.Add($"SET memory_limit = {DuckDbSql.String(limit)}");
        // What does not fit spills inside the store, never into the current folder (DuckDB's default).
        if (_store is not null) settings.Add($"SET temp_directory = {DuckDbSql.String(_store.SpillFolder)}");
        foreach (var statement in settings)
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => DisposeWindowAsync();

    private async ValueTask DisposeWindowAsync()
    {
        if (_window is null) return;
        await _window.Connection.DisposeAsync().ConfigureAwait(false);
        _window = null;
    }

    private sealed record OpenWindow(BoundTable Table, DuckDBConnection Connection, IReadOnlyList<LogFile> Files) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
