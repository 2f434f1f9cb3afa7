using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Tables;

/// <summary>
/// An engine-neutral external table over a flow log source: what a Glue table is provisioned from and what
/// <see cref="AthenaDdl"/> prints. Two definitions are equal when <see cref="TableDiff"/> finds no change.
/// </summary>
public sealed record TableDefinition
{
    public required string Database { get; init; }

    public required string Name { get; init; }

    /// <summary>The format's fields in order, with the types Parquet stores them as (text reads into the same types).</summary>
    public required IReadOnlyList<TableColumn> Columns { get; init; }

    public required IReadOnlyList<TableColumn> PartitionKeys { get; init; }

    public required TableStorage Storage { get; init; }

    /// <summary>Table properties (Glue table parameters); see <see cref="TableProperties"/>.</summary>
    public required IReadOnlyDictionary<string, string> Properties { get; init; }

    public bool IsProjected => Properties.TryGetValue(TableProperties.ProjectionEnabled, out var on) && on == "true";

    /// <summary>The table of a source: its format's columns, its layout's partition keys and storage.</summary>
    /// <exception cref="TableDefinitionException">A bad name, a source not in S3, or projection without its values.</exception>
    public static TableDefinition For(FlowLogSource source, TableOptions options)
    {
        TableNames.Check("database", options.Database);
        TableNames.Check("table", options.Table);
        var scheme = PartitionScheme.For(source);
        var text = source.Layout.FileFormat == LogFileFormat.Text;

        var properties = new Dictionary<string, string>
        {
            [TableProperties.External] = "TRUE",
            [TableProperties.Classification] = text ? "csv" : "parquet",
        };
        // AWS writes the format's field names on the first line of every text file.
        if (text) properties[TableProperties.SkipHeaderLineCount] = "1";
        if (source.FlowLogId is { } flowLogId) properties[TableProperties.FlowLogId] = flowLogId;
        if (options.Partitions == PartitionMode.Projection)
        {
            var start = options.StartDate ?? throw new TableDefinitionException(
                "Partition projection needs a start date: the first day of flow logs to project (e.g. 2026-11-01).");
            foreach (var (key, value) in PartitionProjection.Properties(scheme, start, options.Accounts, options.Regions))
                properties[key] = value;
        }

        return new TableDefinition
        {
            Database = options.Database,
            Name = options.Table,
            Columns = source.Format.Fields.Select(f => new TableColumn(f.ColumnName, f.AthenaType, f.MeaningIn(source.Format.Kind))).ToList(),
            PartitionKeys = scheme.Keys,
            Storage = TableStorage.For(source.Layout.FileFormat, scheme.Location),
            Properties = properties,
        };
    }

    public bool Equals(TableDefinition? other) =>
        other is not null && TableDiff.Compare(this, other).Count == 0 && TableDiff.Compare(other, this).Count == 0;

    public override int GetHashCode() => HashCode.Combine(Database, Name, Columns.Count, PartitionKeys.Count, Storage.Location);
}
