using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>Between the engine-neutral <see cref="TableDefinition"/> and Glue's TableInput / Table shapes.</summary>
public static class GlueTableMapping
{
    public const string ExternalTable = "EXTERNAL_TABLE";

    public static TableInput ToTableInput(TableDefinition definition, IReadOnlyDictionary<string, string>? keepParameters = null) => new()
    {
        Name = definition.Name,
        TableType = ExternalTable,
        PartitionKeys = definition.PartitionKeys.Select(ToColumn).ToArray(),
        Parameters = Merge(keepParameters, definition.Properties),
        StorageDescriptor = StorageDescriptorOf(definition, definition.Storage.Location),
    };

    /// <summary>The storage descriptor of the table, or of one explicit partition at another location.</summary>
    public static StorageDescriptor StorageDescriptorOf(TableDefinition definition, string location) => new()
    {
        Columns = definition.Columns.Select(ToColumn).ToArray(),
        Location = location,
        InputFormat = definition.Storage.InputFormat,
        OutputFormat = definition.Storage.OutputFormat,
        Compressed = false,
        SerdeInfo = new SerDeInfo
        {
            SerializationLibrary = definition.Storage.SerializationLibrary,
            Parameters = definition.Storage.SerdeParameters,
        },
    };

    /// <summary>What Glue holds, read back as a definition so <see cref="TableDiff"/> can compare it with the wanted one.</summary>
    public static TableDefinition FromGlue(string database, Table table)
    {
        var storage = table.StorageDescriptor;
        return new TableDefinition
        {
            Database = database,
            Name = table.Name,
            Columns = (storage?.Columns ?? []).Select(FromColumn).ToArray(),
            PartitionKeys = (table.PartitionKeys ?? []).Select(FromColumn).ToArray(),
            Storage = new TableStorage(
                storage?.Location ?? "",
                storage?.InputFormat ?? "",
                storage?.OutputFormat ?? "",
                storage?.SerdeInfo?.SerializationLibrary ?? "",
                storage?.SerdeInfo?.Parameters ?? new Dictionary<string, string>()),
            Properties = table.Parameters ?? new Dictionary<string, string>(),
        };
    }

    private static Column ToColumn(TableColumn column) => new() { Name = column.Name, Type = column.Type, Comment = column.Comment };

    private static TableColumn FromColumn(Column column) => new(column.Name, column.Type ?? "", column.Comment);

    /// <summary>Properties the project does not manage (e.g. set by Glue or a person) survive an update.</summary>
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? kept, IReadOnlyDictionary<string, string> managed)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in kept ?? new Dictionary<string, string>())
            if (!TableProperties.IsManaged(key)) merged[key] = value;
        foreach (var (key, value) in managed) merged[key] = value;
        return merged;
    }
}
