using System.Text;

namespace FlowLogAthena.Core.Tables;

/// <summary>
/// The Athena DDL equivalent to a <see cref="TableDefinition"/>: what <c>--print-ddl</c> shows and what a user can
/// run in the Athena console instead of letting the provisioner call Glue. Every statement is one line per clause
/// or item, with no trailing semicolon (Athena runs one statement at a time).
/// </summary>
public static class AthenaDdl
{
    /// <summary>Glue's BatchCreatePartition takes at most 100 partitions; the DDL batches the same way.</summary>
    public const int MaxPartitionsPerStatement = 100;

    public static string CreateDatabase(string database) => $"CREATE DATABASE IF NOT EXISTS {HiveSql.Identifier(database)}";

    public static string CreateTable(TableDefinition table)
    {
        var ddl = new StringBuilder();
        ddl.Append("CREATE EXTERNAL TABLE IF NOT EXISTS ").Append(HiveSql.Qualified(table.Database, table.Name)).Append(" (\n");
        ddl.Append(List(table.Columns.Select(Column))).Append("\n)");
        if (table.PartitionKeys.Count > 0)
            ddl.Append("\nPARTITIONED BY (\n").Append(List(table.PartitionKeys.Select(Column))).Append("\n)");

        var storage = table.Storage;
        ddl.Append("\nROW FORMAT SERDE ").Append(HiveSql.String(storage.SerializationLibrary));
        if (storage.SerdeParameters.Count > 0)
            ddl.Append("\nWITH SERDEPROPERTIES (\n").Append(Properties(storage.SerdeParameters)).Append("\n)");
        ddl.Append("\nSTORED AS INPUTFORMAT ").Append(HiveSql.String(storage.InputFormat));
        ddl.Append("\nOUTPUTFORMAT ").Append(HiveSql.String(storage.OutputFormat));
        ddl.Append("\nLOCATION ").Append(HiveSql.String(storage.Location));

        // EXTERNAL is what CREATE EXTERNAL TABLE says; Athena sets the property itself.
        var properties = table.Properties.Where(p => p.Key != TableProperties.External).ToDictionary();
        if (properties.Count > 0)
            ddl.Append("\nTBLPROPERTIES (\n").Append(Properties(properties)).Append("\n)");
        return ddl.ToString();
    }

    /// <summary>
    /// <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION '…'</c> statements registering the partitions,
    /// at most <see cref="MaxPartitionsPerStatement"/> each; none for no partitions.
    /// </summary>
    public static IReadOnlyList<string> AddPartitions(TableDefinition table, IEnumerable<TablePartition> partitions) =>
        partitions.Chunk(MaxPartitionsPerStatement).Select(batch =>
                $"ALTER TABLE {HiveSql.Qualified(table.Database, table.Name)} ADD IF NOT EXISTS\n"
                + string.Join('\n', batch.Select(p => Partition(table, p))))
            .ToList();

    private static string Partition(TableDefinition table, TablePartition partition)
    {
        if (partition.Values.Count != table.PartitionKeys.Count)
            throw new ArgumentException(
                $"Partition {partition} has {partition.Values.Count} values; table {table.Database}.{table.Name} has {table.PartitionKeys.Count} partition keys.",
                nameof(partition));
        var values = table.PartitionKeys.Zip(partition.Values, (key, value) => $"{HiveSql.Identifier(key.Name)} = {HiveSql.String(value)}");
        return $"PARTITION ({string.Join(", ", values)}) LOCATION {HiveSql.String(partition.Location)}";
    }

    private static string Column(TableColumn column) =>
        $"{HiveSql.Identifier(column.Name)} {HiveSql.Type(column.Type)}"
        + (column.Comment is { Length: > 0 } comment ? $" COMMENT {HiveSql.String(comment)}" : "");

    /// <summary>Sorted by key, so the same definition always prints the same text.</summary>
    private static string Properties(IReadOnlyDictionary<string, string> properties) =>
        List(properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{HiveSql.String(p.Key)} = {HiveSql.String(p.Value)}"));

    private static string List(IEnumerable<string> items) => "  " + string.Join(",\n  ", items);
}
