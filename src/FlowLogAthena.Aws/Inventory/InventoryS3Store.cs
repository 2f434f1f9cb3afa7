using Amazon.S3;
using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Aws.Inventory;

/// <summary>
/// Interface inventory snapshots in S3 for Athena: each one object (<see cref="InventorySnapshot"/>'s JSON lines) at
/// <c>ROOT/snapshot=…/interfaces.json.gz</c>, never rewritten, registered as a partition (<c>snapshot</c>) of the Glue
/// table <c>interface_inventory</c> (OpenX JSON SerDe), created beside the flow log table on the first sync. The
/// partition is added after the object is whole, so a query never reads half a snapshot.
/// </summary>
public sealed class InventoryS3Store(IGlueApi glue, IAmazonS3 s3, S3WriteOptions write)
{
    public const string DefaultTable = "interface_inventory";

    /// <summary>The table parameter marking it as this tool's.</summary>
    public const string MarkerParameter = "flowlog_athena.inventory";

    public async Task<string> PublishAsync(IReadOnlyList<InterfaceRecord> rows, DateTimeOffset takenAt, S3Uri root, string database, string table,
        CancellationToken cancellationToken)
    {
        var folder = InventorySnapshot.FolderName(takenAt);
        var target = new S3Uri(root.Bucket, $"{root.PrefixWithSlash}{folder}/{InventorySnapshot.FileName}");
        await EnsureTableAsync(root, database, table, cancellationToken).ConfigureAwait(false);
        if (await ExistsAsync(target, cancellationToken).ConfigureAwait(false))
            throw new SinkException($"Snapshot {target} already exists; snapshots are never rewritten.");

        using var staging = StagingFolder.Create("inventory");
        var local = Path.Combine(staging.Path, InventorySnapshot.FileName);
        await using (var file = File.Create(local))
            await InventorySnapshot.WriteAsync(file, rows, cancellationToken).ConfigureAwait(false);
        await new S3Uploader(s3, write).UploadAsync(local, target, "application/gzip", cancellationToken).ConfigureAwait(false);

        var response = await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
        {
            DatabaseName = database,
            TableName = table,
            PartitionInputList =
            [
                new PartitionInput { Values = [folder["snapshot=".Length..]], StorageDescriptor = Storage($"s3://{root.Bucket}/{root.PrefixWithSlash}{folder}/") },
            ],
        }, cancellationToken).ConfigureAwait(false);
        if (response.Errors is { Count: > 0 } errors && errors[0].ErrorDetail?.ErrorCode != "AlreadyExistsException")
            throw new SinkException($"Glue refused the snapshot partition {folder} of {database}.{table}: {errors[0].ErrorDetail?.ErrorCode}: {errors[0].ErrorDetail?.ErrorMessage}");
        return target.ToString();
    }

    /// <summary>The table's quoted reference when it exists and is this tool's inventory; null otherwise.</summary>
    public static async Task<string?> FindAsync(IGlueApi glue, string database, string table, CancellationToken cancellationToken) =>
        (await GlueCatalog.GetTableOrNullAsync(glue, database, table, cancellationToken).ConfigureAwait(false))?.Parameters?.ContainsKey(MarkerParameter) == true
            ? $"\"{database}\".\"{table}\""
            : null;

    private async Task EnsureTableAsync(S3Uri root, string database, string table, CancellationToken cancellationToken)
    {
        var existing = await GlueCatalog.GetTableOrNullAsync(glue, database, table, cancellationToken).ConfigureAwait(false);
        var location = $"s3://{root.Bucket}/{root.PrefixWithSlash}";
        if (existing is not null)
        {
            if (existing.Parameters?.ContainsKey(MarkerParameter) != true || existing.StorageDescriptor?.Location != location)
                throw new UsageException($"Glue table {database}.{table} exists over {existing.StorageDescriptor?.Location}, and is not the interface inventory at {location}; "
                    + "name another --table or --out.");
            return;
        }
        await GlueCatalog.EnsureDatabaseAsync(glue, database, cancellationToken).ConfigureAwait(false);
        await glue.CreateTableAsync(new CreateTableRequest
        {
            DatabaseName = database,
            TableInput = new TableInput
            {
                Name = table,
                Description = "Network interfaces from EC2 (flowlog-athena inventory sync), one partition per snapshot.",
                TableType = "EXTERNAL_TABLE",
                PartitionKeys = [new Column { Name = InventorySnapshot.SnapshotColumn, Type = "string" }],
                Parameters = new Dictionary<string, string> { ["classification"] = "json", ["EXTERNAL"] = "TRUE", [MarkerParameter] = "interfaces" },
                StorageDescriptor = Storage(location),
            },
        }, cancellationToken).ConfigureAwait(false);
    }

    private static StorageDescriptor Storage(string location) => new()
    {
        Columns = [.. InventorySnapshot.Columns.Select(c => new Column { Name = c.Name, Type = c.Type })],
        Location = location,
        InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
        OutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        SerdeInfo = new SerDeInfo { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe" },
    };

    /// <summary>Whether the snapshot's object is there already (a listing: the permission every command that reads S3 has).</summary>
    private async Task<bool> ExistsAsync(S3Uri target, CancellationToken cancellationToken)
    {
        var folder = target with { Key = target.Key[..(target.Key.LastIndexOf('/') + 1)] };
        await foreach (var obj in new S3LogFileLister(s3, write.ExpectedBucketOwner).ObjectsBelowAsync(folder, cancellationToken).ConfigureAwait(false))
            if (obj.Key == target.Key) return true;
        return false;
    }
}
