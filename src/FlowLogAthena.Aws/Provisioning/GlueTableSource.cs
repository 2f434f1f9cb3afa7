using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>
/// Reads back, from a provisioned Glue table, the source it describes — its S3 root, log format, layout and the
/// flow log it is limited to, if any —
/// so <c>run --engine athena</c> renders against the table exactly as it is, without repeating --source/--format.
/// </summary>
public static class GlueTableSource
{
    public static async Task<FlowLogSource> ReadAsync(IGlueApi glue, string database, string table, CancellationToken cancellationToken)
    {
        Table found;
        try
        {
            found = (await glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = table }, cancellationToken).ConfigureAwait(false)).Table!;
        }
        catch (AwsNotFoundException)
        {
            throw new SourceException($"Glue table {database}.{table} does not exist; create it with `flowlog-athena provision --engine athena --source s3://… --database {database} --table {table}`.");
        }
        var definition = GlueTableMapping.FromGlue(database, found);
        var format = FormatOf(definition);
        var hourly = definition.PartitionKeys.Any(k => k.Name == PartitionColumns.Hour);
        var hive = await IsHiveAsync(glue, definition, cancellationToken).ConfigureAwait(false);
        var parquet = definition.Storage.SerializationLibrary == TableStorage.ParquetSerDe;
        var location = definition.Storage.Location.TrimEnd('/');
        var root = location.EndsWith("/" + PartitionPaths.Root, StringComparison.Ordinal) ? location[..^(PartitionPaths.Root.Length + 1)] : location;
        var flowLogId = definition.Properties.TryGetValue(TableProperties.FlowLogId, out var id) ? id : null;
        return new FlowLogSource(root, format, new SourceLayout(
            hive ? PrefixStyle.Hive : PrefixStyle.Default,
            hourly ? Partitioning.Hourly : Partitioning.Daily,
            parquet ? LogFileFormat.Parquet : LogFileFormat.Text), flowLogId);
    }

    /// <summary>
    /// The table's source limited to the flow log asked for: a table made for one flow log reads only that one, so
    /// another id is refused; a table over every flow log of its prefix is limited to the one asked for.
    /// </summary>
    /// <exception cref="SourceException">The table was provisioned for another flow log.</exception>
    public static FlowLogSource Choose(FlowLogSource table, string? flowLogId, string tableReference)
    {
        if (flowLogId is not null && table.FlowLogId is { } tables && tables != flowLogId)
            throw new SourceException(
                $"--flow-log-id {flowLogId} asks for another flow log than the one Glue table {tableReference} reads ({tables}); "
                + "provision a table for that flow log (provision --flow-log-id … --table …) and use it.");
        return table with { FlowLogId = flowLogId ?? table.FlowLogId };
    }

    private static FlowLogFormat FormatOf(TableDefinition table)
    {
        var names = new List<string>();
        foreach (var column in table.Columns)
        {
            var name = column.Name.Replace('_', '-');
            if (!FieldCatalog.TryGet(name, out _))
                throw new SourceException($"Glue table {table.Database}.{table.Name} has column '{column.Name}', which is no flow log field; was it provisioned by flowlog-athena?");
            names.Add("${" + name + "}");
        }
        return FlowLogFormat.Parse(string.Join(' ', names));
    }

    /// <summary>Hive layouts project (or register) day values like <c>year=2026/month=11/day=02</c>.</summary>
    private static async Task<bool> IsHiveAsync(IGlueApi glue, TableDefinition table, CancellationToken cancellationToken)
    {
        if (table.Properties.TryGetValue(TableProperties.StorageLocationTemplate, out var template))
            return template.Contains("aws-account-id=", StringComparison.Ordinal);
        var partitions = await glue.GetPartitionsAsync(new GetPartitionsRequest { DatabaseName = table.Database, TableName = table.Name, MaxResults = 1 }, cancellationToken).ConfigureAwait(false);
        var location = partitions.Partitions is { Count: > 0 } list ? list[0].StorageDescriptor?.Location : null;
        return location?.Contains("aws-account-id=", StringComparison.Ordinal) == true;
    }
}
