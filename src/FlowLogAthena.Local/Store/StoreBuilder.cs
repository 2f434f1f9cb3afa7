using System.Diagnostics;
using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Store;

/// <summary>
/// Brings the store up to date for a window: the partitions whose Parquet file for their current source files is
/// missing are converted from the text, each under its lock, written under a staging name and renamed into place
/// once every converted file has passed the gzip and header check; then older files of those partitions are
/// removed. A run killed on the way leaves staging files that no reader opens and the next conversion removes.
/// </summary>
internal static class StoreBuilder
{
    /// <summary>The stored Parquet files for the window's text files, converting what the store lacks.</summary>
    /// <param name="open">Opens a configured DuckDB connection.</param>
    /// <param name="query">The query that asked, for messages.</param>
    /// <param name="note">Told what was converted and what was read as stored.</param>
    public static async Task<IReadOnlyList<LogFile>> EnsureAsync(ColumnarStore store, FlowLogSource source, IReadOnlyList<LogFile> files,
        Func<CancellationToken, Task<DuckDBConnection>> open, RenderedQuery query, Action<string>? note, CancellationToken cancellationToken)
    {
        var partitions = StorePartition.Of(store, source, files);
        var missing = partitions.Where(p => !p.IsBuilt).ToList();
        var clock = Stopwatch.StartNew();
        if (missing.Count > 0) await ConvertAsync(store, source, missing, open, query, cancellationToken).ConfigureAwait(false);
        var stored = partitions.Select(p => p.Stored()).ToList();
        note?.Invoke(missing.Count == 0
            ? $"Columnar store: {Partitions(partitions.Count)} read as stored ({ByteSize.Format(stored.Sum(f => f.SizeBytes))} of Parquet, no text) from {store.Root}"
            : $"Columnar store: {missing.Count} of {Partitions(partitions.Count)} converted from {ByteSize.Format(missing.Sum(p => p.SourceFiles.Sum(f => f.SizeBytes)))} of gzip text "
              + $"in {clock.Elapsed.TotalSeconds:F1} s ({ByteSize.Format(stored.Sum(f => f.SizeBytes))} of Parquet in all) in {store.Root}");
        return stored;
    }

    private static string Partitions(int count) => count == 1 ? "1 partition" : $"{count} partitions";

    private static async Task ConvertAsync(ColumnarStore store, FlowLogSource source, List<StorePartition> missing,
        Func<CancellationToken, Task<DuckDBConnection>> open, RenderedQuery query, CancellationToken cancellationToken)
    {
        var locks = new List<PartitionLock>();
        try
        {
            // In folder order, so two runs wanting the same partitions never wait on each other in a circle.
            foreach (var partition in missing) locks.Add(await PartitionLock.AcquireAsync(partition.Folder, cancellationToken).ConfigureAwait(false));
            WriteNotes(store, source);
            // Another run may have converted them while this one waited.
            var todo = missing.Where(p => !p.IsBuilt).ToList();
            if (todo.Count == 0) return;

            var textFiles = todo.SelectMany(p => p.SourceFiles).ToList();
            await using var staged = await CheckedRead.RunAsync(
                token => TextLogHeader.VerifyAsync(source.Format, textFiles, token),
                token => WriteStagedAsync(source, todo, open, query, token),
                cancellationToken).ConfigureAwait(false);
            staged.Publish();
        }
        finally
        {
            foreach (var held in locks) held.Dispose();
        }
    }

    private static async Task<StagedPartitions> WriteStagedAsync(FlowLogSource source, List<StorePartition> todo,
        Func<CancellationToken, Task<DuckDBConnection>> open, RenderedQuery query, CancellationToken cancellationToken)
    {
        var staged = new StagedPartitions();
        try
        {
            await using var connection = await open(cancellationToken).ConfigureAwait(false);
            using var interrupt = cancellationToken.Register(static c => ((DuckDBConnection)c!).CreateCommand().Cancel(), connection);
            // Row order means nothing to the queries; without it DuckDB writes the Parquet on every core.
            await connection.ExecuteAsync(new CommandDefinition("SET preserve_insertion_order = false", cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var partition in todo)
            {
                RemoveStaging(partition.Folder);
                var staging = Path.Combine(partition.Folder, ColumnarStore.StagingPrefix + Guid.NewGuid().ToString("N") + ".parquet");
                staged.Add(partition, staging);
                await ParquetCopy.WriteAsync(connection, FlowLogViewSql.OnePartition(source, partition.SourceFiles), staging, query, partition.SourceFiles, cancellationToken)
                    .ConfigureAwait(false);
            }
            return staged;
        }
        catch
        {
            await staged.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Staging files are only ever written under the partition's lock, so any found while holding it are a dead run's.</summary>
    private static void RemoveStaging(string folder)
    {
        foreach (var leftover in Directory.EnumerateFiles(folder, ColumnarStore.StagingPrefix + "*")) TryDelete(leftover);
    }

    private static void WriteNotes(ColumnarStore store, FlowLogSource source)
    {
        var formatFolder = store.FormatFolder(source);
        WriteOnce(Path.Combine(Path.GetDirectoryName(formatFolder)!, ColumnarStore.SourceNote), $"{Path.GetFullPath(source.Root)}\n{source.Layout}\n");
        WriteOnce(Path.Combine(formatFolder, ColumnarStore.FormatNote), source.Format.FormatString + "\n");
    }

    private static void WriteOnce(string path, string text)
    {
        if (File.Exists(path)) return;
        var staging = path + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(staging, text);
        File.Move(staging, path, overwrite: true);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file left behind is never read: readers open only the name of their own source files' digest.
        }
    }

    /// <summary>The staging files of one conversion: renamed into place together, or removed.</summary>
    private sealed class StagedPartitions : IAsyncDisposable
    {
        private readonly List<(StorePartition Partition, string Staging)> _files = [];

        public void Add(StorePartition partition, string staging) => _files.Add((partition, staging));

        public void Publish()
        {
            foreach (var (partition, staging) in _files)
            {
                File.Move(staging, partition.DataFile, overwrite: true);
                foreach (var older in Directory.EnumerateFiles(partition.Folder, ColumnarStore.DataPrefix + "*.parquet"))
                    if (older != partition.DataFile) TryDelete(older);
            }
            _files.Clear();
        }

        public ValueTask DisposeAsync()
        {
            foreach (var (_, staging) in _files) TryDelete(staging);
            _files.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
