using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.Runtime.Retries;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>
/// Makes the Glue database and table match a <see cref="TableDefinition"/>, idempotently: a rerun with the same
/// definition changes nothing; a different definition is reported as a diff and applied only when asked.
/// Explicit partitions are registered in batches within Glue's limit; ones already there count as present, and follow
/// the table when it is updated.
/// </summary>
/// <param name="retry">How partitions Glue refused for a transient reason are resent (the run's AWS retry policy).</param>
public sealed class GlueProvisioner(IGlueApi glue, AwsRetryPolicy? retry = null)
{
    private readonly AwsRetryPolicy _retry = retry ?? AwsRetryPolicy.Default;

    public const int MaxPartitionsPerBatch = 100;

    public async Task<ProvisionResult> ProvisionAsync(TableDefinition wanted, bool update, IReadOnlyList<TablePartition> partitions, CancellationToken cancellationToken)
    {
        var databaseCreated = await GlueCatalog.EnsureDatabaseAsync(glue, wanted.Database, cancellationToken).ConfigureAwait(false);
        var existing = await GlueCatalog.GetTableOrNullAsync(glue, wanted.Database, wanted.Name, cancellationToken).ConfigureAwait(false);
        var result = new ProvisionResult { DatabaseCreated = databaseCreated };
        if (existing is null)
        {
            try
            {
                await glue.CreateTableAsync(new CreateTableRequest { DatabaseName = wanted.Database, TableInput = GlueTableMapping.ToTableInput(wanted) }, cancellationToken).ConfigureAwait(false);
                result = result with { TableCreated = true };
            }
            catch (AwsAlreadyExistsException)
            {
                // Someone created it between our GetTable and CreateTable: compare with what they made instead of failing.
                existing = await GlueCatalog.GetTableOrNullAsync(glue, wanted.Database, wanted.Name, cancellationToken).ConfigureAwait(false) ?? throw new AwsClientException(
                    $"Glue said {wanted.Database}.{wanted.Name} exists, then that it does not; rerun provision.");
            }
        }

        if (existing is not null)
        {
            var changes = TableDiff.Compare(wanted, GlueTableMapping.FromGlue(wanted.Database, existing));
            if (changes.Count > 0 && !update) throw new TableDriftException($"{wanted.Database}.{wanted.Name}", changes);
            if (changes.Count > 0)
                await glue.UpdateTableAsync(new UpdateTableRequest
                {
                    DatabaseName = wanted.Database,
                    TableInput = GlueTableMapping.ToTableInput(wanted, existing.Parameters),
                    // Optimistic concurrency: Glue refuses the update if the table changed since we read it.
                    VersionId = existing.VersionId,
                }, cancellationToken).ConfigureAwait(false);
            result = result with { Changes = changes, TableUpdated = changes.Count > 0 };
        }

        var (created, present, updated) = await RegisterPartitionsAsync(wanted, partitions, result.TableUpdated, cancellationToken).ConfigureAwait(false);
        return result with { PartitionsCreated = created, PartitionsAlreadyPresent = present, PartitionsUpdated = updated };
    }

    /// <summary>
    /// Registers explicit partitions in batches of 100. Partitions already there count as present; when the table was
    /// just updated they are brought to its new definition (BatchUpdatePartition), so no partition keeps reading the old
    /// columns or SerDe. A partition Glue refuses for a transient reason (throttling, an internal error) is sent again.
    /// </summary>
    private async Task<(int Created, int Present, int Updated)> RegisterPartitionsAsync(
        TableDefinition table, IReadOnlyList<TablePartition> partitions, bool tableUpdated, CancellationToken cancellationToken)
    {
        int created = 0, present = 0, updated = 0;
        foreach (var batch in partitions.Chunk(MaxPartitionsPerBatch))
        {
            var existing = await PartitionBatch.SendAsync(batch, async (pending, ct) =>
            {
                var response = await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
                {
                    DatabaseName = table.Database,
                    TableName = table.Name,
                    PartitionInputList = pending.Select(p => InputOf(table, p)).ToArray(),
                }, ct).ConfigureAwait(false);
                return (response.Errors ?? []).Select(e => (e.PartitionValues, e.ErrorDetail)).ToList();
            }, table, "register", _retry, cancellationToken).ConfigureAwait(false);
            var exists = existing.Select(p => string.Join('\u0001', p.Values)).ToHashSet(StringComparer.Ordinal);
            present += existing.Count;
            created += batch.Length - existing.Count;
            if (!tableUpdated || existing.Count == 0) continue;

            var toUpdate = batch.Where(p => exists.Contains(string.Join('\u0001', p.Values))).ToArray();
            await PartitionBatch.SendAsync(toUpdate, async (pending, ct) =>
            {
                var response = await glue.BatchUpdatePartitionAsync(new BatchUpdatePartitionRequest
                {
                    DatabaseName = table.Database,
                    TableName = table.Name,
                    Entries = pending.Select(p => new BatchUpdatePartitionRequestEntry { PartitionValueList = p.Values, PartitionInput = InputOf(table, p) }).ToArray(),
                }, ct).ConfigureAwait(false);
                return (response.Errors ?? []).Select(e => (e.PartitionValueList, e.ErrorDetail)).ToList();
            }, table, "update", _retry, cancellationToken).ConfigureAwait(false);
            updated += toUpdate.Length;
        }
        return (created, present, updated);
    }

    private static PartitionInput InputOf(TableDefinition table, TablePartition partition) => new()
    {
        Values = partition.Values,
        StorageDescriptor = GlueTableMapping.StorageDescriptorOf(table, partition.Location),
    };
}
