using DuckDB.NET.Data;
using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// The Glue table a source is provisioned as, presented to DuckDB so the Athena rendering can run there: a table
/// named like Athena's <c>"database"."table"</c>, with the columns and partition keys of
/// <see cref="TableDefinition.For"/> in their Athena types, holding every partition of the source (not only the
/// window's, so the rendering's own partition predicate must prune), each row carrying the key values
/// <see cref="PartitionScheme.Partition"/> registers for its folder.
/// </summary>
/// <remarks>
/// The records themselves are read with the local engine's reader (<see cref="FlowLogViewSql"/>), so both
/// renderings see the same values: what differs is only the SQL and the relation's shape.
/// </remarks>
public sealed class GlueTableOnDuckDb : IAsyncDisposable
{
    /// <summary>Where the table's source would be in S3; only the path below it has to match the local folders.</summary>
    private const string S3Root = "s3://parity-bucket/flow-logs";

    private readonly DuckDBConnection _connection;

    private GlueTableOnDuckDb(DuckDBConnection connection, TableDefinition definition)
    {
        _connection = connection;
        Definition = definition;
        var athena = AthenaSqlHelpers.Instance;
        TableReference = $"{athena.QuoteIdentifier(definition.Database)}.{athena.QuoteIdentifier(definition.Name)}";
    }

    public TableDefinition Definition { get; }

    /// <summary><c>"flowlogs"."vpc_flow_logs"</c>: what the Athena engine renders queries against.</summary>
    public string TableReference { get; }

    /// <summary>Loads <paramref name="files"/> (every file of the local source) into the Glue-shaped table.</summary>
    public static async Task<GlueTableOnDuckDb> CreateAsync(FlowLogSource local, IReadOnlyList<LogFile> files)
    {
        var s3 = local with { Root = S3Root };
        var definition = TableDefinition.For(s3, new TableOptions { Partitions = PartitionMode.Explicit });
        var scheme = PartitionScheme.For(s3);
        var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        var table = new GlueTableOnDuckDb(connection, definition);
        try
        {
            await table.ExecuteAsync("SET threads = 1");
            await table.ExecuteAsync($"CREATE SCHEMA {DuckDbSql.Identifier(definition.Database)}");
            var columns = definition.Columns.Concat(definition.PartitionKeys).Select(c => $"{DuckDbSql.Identifier(c.Name)} {DuckDbTypeOf(c)}");
            await table.ExecuteAsync($"CREATE TABLE {table.TableReference} ({string.Join(", ", columns)})");

            var dataColumns = string.Join(", ", definition.Columns.Select(c => DuckDbSql.Identifier(c.Name)));
            var placeholders = string.Join(", ", definition.PartitionKeys.Select(_ => "?"));
            foreach (var group in files.GroupBy(f => (f.Account, f.Region, f.PartitionStartUtc)))
            {
                var partition = scheme.Partition(group.Key.Account, group.Key.Region, group.Key.PartitionStartUtc);
                var folder = partition.Location[(S3Root.Length + 1)..];
                foreach (var file in group)
                    Assert.StartsWith(folder, Path.GetRelativePath(local.Root, file.Path).Replace('\\', '/'), StringComparison.Ordinal);

                await table.ExecuteAsync(FlowLogViewSql.Create("partition_files", local, group.ToList()));
                await table.ExecuteAsync($"INSERT INTO {table.TableReference} SELECT {dataColumns}, {placeholders} FROM partition_files", partition.Values);
            }
            await table.ExecuteAsync("DROP VIEW partition_files");
            return table;
        }
        catch
        {
            await table.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The address ranges table <c>ranges publish</c> provisions beside the flow log table, with the rows the local engine
    /// loads (<see cref="AwsIpRangeRows"/>); its quoted reference for <see cref="ReferenceTables.AwsIpRanges"/>.
    /// </summary>
    public async Task<string> AddIpRangesAsync(AwsAddressIndex index)
    {
        var athena = AthenaSqlHelpers.Instance;
        var reference = $"{athena.QuoteIdentifier(Definition.Database)}.{athena.QuoteIdentifier("aws_ip_ranges")}";
        await ExecuteAsync($"CREATE TABLE IF NOT EXISTS {reference} ({string.Join(", ", AwsIpRangeRows.Columns.Select(c => DuckDbSql.Identifier(c) + " VARCHAR"))})");
        await ExecuteAsync($"DELETE FROM {reference}");
        foreach (var row in AwsIpRangeRows.Of(index))
            await ExecuteAsync($"INSERT INTO {reference} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [row.Bucket, row.FirstHex, row.LastHex, row.Match.Service, row.Match.Services, row.Match.Region, row.Match.NetworkBorderGroup, row.Match.Prefix]);
        return reference;
    }

    /// <summary>The interface inventory table <c>inventory sync</c> makes beside the flow log table, with no rows; its quoted reference.</summary>
    public async Task<string> AddEmptyInventoryAsync()
    {
        var athena = AthenaSqlHelpers.Instance;
        var reference = $"{athena.QuoteIdentifier(Definition.Database)}.{athena.QuoteIdentifier("interface_inventory")}";
        var columns = Core.Inventory.InventorySnapshot.Columns.Select(c => $"{DuckDbSql.Identifier(c.Name)} {c.Type switch
        {
            "boolean" => "BOOLEAN",
            "map<string,string>" => "MAP(VARCHAR, VARCHAR)",
            _ => "VARCHAR",
        }}").Append($"{DuckDbSql.Identifier(Core.Inventory.InventorySnapshot.SnapshotColumn)} VARCHAR");
        await ExecuteAsync($"CREATE TABLE IF NOT EXISTS {reference} ({string.Join(", ", columns)})");
        return reference;
    }

    /// <summary>
    /// Runs an Athena rendering as Athena would: its <c>?</c> placeholders bound, in order, to its execution
    /// parameters, each as the typed value its literal denotes (never spliced into the text).
    /// </summary>
    /// <exception cref="DuckDBException">DuckDB cannot run the SQL (e.g. a Trino-only type or function).</exception>
    public async Task<ResultSet> RunAsync(RenderedQuery athena)
    {
        if (athena.Dialect != SqlDialect.Athena) throw new ArgumentException($"{athena.QueryId} was rendered for {athena.Dialect}.", nameof(athena));
        await using var command = _connection.CreateCommand();
        command.CommandText = athena.Sql;
        foreach (var literal in athena.ExecutionParameters ?? [])
            command.Parameters.Add(new DuckDBParameter(AthenaLiteral.Value(literal)));
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), reader.GetFieldType(i)))
            .ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new ResultSet(columns, rows);
    }

    /// <summary>
    /// Writes what <paramref name="select"/> returns as zstd Parquet below <paramref name="folder"/>, in
    /// <c>key=value/</c> folders of <paramref name="partitionBy"/> (whose columns leave the files): what Athena's
    /// UNLOAD with <c>partitioned_by</c> writes, for a stand-in of it.
    /// </summary>
    public Task WriteParquetAsync(string select, string folder, IReadOnlyList<string> partitionBy) =>
        ExecuteAsync($"COPY ({select}) TO {DuckDbSql.String(folder)} (FORMAT parquet, COMPRESSION zstd"
            + (partitionBy.Count > 0 ? $", PARTITION_BY ({string.Join(", ", partitionBy.Select(DuckDbSql.Identifier))})" : "") + ")");

    /// <summary>The <paramref name="limit"/> most frequent non-NULL values of a column among the window's records, most frequent first.</summary>
    public async Task<IReadOnlyList<string>> MostFrequentAsync(string column, TimeWindow window, int limit)
    {
        var quoted = DuckDbSql.Identifier(column);
        var start = DuckDbSql.Identifier(FieldCatalog.Get("start").ColumnName);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT CAST({quoted} AS VARCHAR) FROM {TableReference} WHERE {start} >= {window.FromUnixSeconds} AND {start} < {window.ToUnixSecondsExclusive}"
            + $" AND {quoted} IS NOT NULL GROUP BY {quoted} ORDER BY COUNT(*) DESC, {quoted} LIMIT {limit}";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>The DuckDB type of a Glue column's Athena type, through the field catalog's own type mapping.</summary>
    private static string DuckDbTypeOf(TableColumn column) =>
        Enum.GetValues<FieldType>().Single(t => t.AthenaType() == column.Type).DuckDbType();

    private async Task ExecuteAsync(string sql, IReadOnlyList<string>? parameters = null)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters ?? []) command.Parameters.Add(new DuckDBParameter(value));
        await command.ExecuteNonQueryAsync();
    }
}
