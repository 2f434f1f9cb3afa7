using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local.Store;

/// <summary>
/// The one way the local engine writes Parquet (the store's partitions, the twin's files): a zstd COPY of a SELECT,
/// off the caller's thread so a cancel can interrupt DuckDB (the caller registers the interrupt on its connection);
/// DuckDB's error names the file it was reading.
/// </summary>
internal static class ParquetCopy
{
    public static async Task WriteAsync(DuckDBConnection connection, string select, string target, RenderedQuery query, IReadOnlyList<LogFile> files,
        CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(() => connection.ExecuteAsync(new CommandDefinition(
                $"COPY ({select}) TO {DuckDbSql.String(target)} (FORMAT parquet, COMPRESSION zstd)", cancellationToken: cancellationToken)), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw e is DuckDBException ? DuckDbErrors.Translate(e, query, files) : e;
        }
    }
}
