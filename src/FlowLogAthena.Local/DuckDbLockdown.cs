using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local;

/// <summary>
/// Once the flow log view (or the materialized window) exists, DuckDB may touch only the window's partition
/// folders: no other file, no COPY TO, ATTACH, INSTALL or EXPORT, and no setting can be changed back. A query pack
/// from a user's folder then can only read, whatever its SQL says.
/// </summary>
internal static class DuckDbLockdown
{
    public static async Task ApplyAsync(DuckDBConnection connection, IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        // Folders, not files: DuckDB lists a folder to match a name holding glob characters (see DuckDbSql.LiteralPath).
        var folders = files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f.Path))! + Path.DirectorySeparatorChar)
            .Distinct(StringComparer.Ordinal).Select(DuckDbSql.String);
        string[] statements =
        [
            $"SET allowed_directories = [{string.Join(", ", folders)}]",
            "SET enable_external_access = false",
            "SET lock_configuration = true",
        ];
        foreach (var statement in statements)
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
