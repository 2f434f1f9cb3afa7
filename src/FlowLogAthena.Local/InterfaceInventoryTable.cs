using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Local;

/// <summary>
/// The interface inventory's latest local snapshot as the table <c>interface_inventory</c> in a query connection (its rows
/// and their <c>snapshot</c>), loaded from the JSON lines before the connection is locked down.
/// </summary>
internal sealed class InterfaceInventoryTable(string snapshotFolder)
{
    public const string Name = "interface_inventory";

    public async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", InventorySnapshot.Columns.Select(c => $"{DuckDbSql.String(c.Name)}: {DuckDbSql.String(DuckDbType(c.Type))}"));
        var file = DuckDbSql.String(DuckDbSql.LiteralPath(Path.Combine(snapshotFolder, InventorySnapshot.FileName)));
        var sql = $"CREATE TABLE {DuckDbSql.Identifier(Name)} AS SELECT *, {DuckDbSql.String(InventorySnapshot.SnapshotValue(snapshotFolder))} AS "
            + $"{DuckDbSql.Identifier(InventorySnapshot.SnapshotColumn)} FROM read_json({file}, format = 'newline_delimited', compression = 'gzip', columns = {{{columns}}})";
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (DuckDBException e)
        {
            throw new InventoryException(
                $"The interface inventory snapshot {snapshotFolder} cannot be read: {e.Message.Split('\n')[0]} (run 'flowlog-athena inventory sync' again, or --inventory off).",
                isBadInput: true, e);
        }
    }

    private static string DuckDbType(string athenaType) => athenaType switch
    {
        "string" => "VARCHAR",
        "boolean" => "BOOLEAN",
        "map<string,string>" => "MAP(VARCHAR, VARCHAR)",
        _ => throw new ArgumentOutOfRangeException(nameof(athenaType), athenaType, "No DuckDB type for this inventory column type."),
    };
}
