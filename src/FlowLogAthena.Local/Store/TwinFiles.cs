using DuckDB.NET.Data;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Store;

/// <summary>
/// Writes the Parquet files of a text source's twin from the store: per partition one zstd file holding the
/// format's fields in their catalog types and nothing else (the partition values live in the twin's folders, as in
/// AWS's own Parquet delivery), so the twin reads like any Parquet flow log on both engines.
/// </summary>
internal static class TwinFiles
{
    public static async Task<IReadOnlyList<StagedTwinPartition>> WriteAsync(DuckDBConnection connection, FlowLogSource text, SourceLayout twin,
        IReadOnlyList<LogFile> storedFiles, string stagingFolder, RenderedQuery query, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", text.Format.Fields.Select(f => DuckDbSql.Identifier(f.ColumnName)));
        using var interrupt = cancellationToken.Register(static c => ((DuckDBConnection)c!).CreateCommand().Cancel(), connection);
        var staged = new List<StagedTwinPartition>();
        foreach (var stored in storedFiles.OrderBy(f => (f.Account, f.Region, f.PartitionStartUtc)))
        {
            var key = TwinLayout.ObjectKey(twin, stored.Account, stored.Region, stored.PartitionStartUtc, 0);
            var target = Path.Combine(stagingFolder, key.Replace('/', '_'));
            await ParquetCopy.WriteAsync(connection, $"SELECT {columns} FROM read_parquet({FlowLogViewSql.FileList([stored])})", target, query, [stored], cancellationToken)
                .ConfigureAwait(false);
            staged.Add(new StagedTwinPartition(stored.Account, stored.Region, stored.PartitionStartUtc, [new StagedTwinFile(target, new FileInfo(target).Length)]));
        }
        return staged;
    }
}
