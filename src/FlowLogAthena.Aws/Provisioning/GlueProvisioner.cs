using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>
/// Makes the Glue database and table match a <see cref="TableDefinition"/>, idempotently: a rerun with the same
/// definition changes nothing; a different definition is reported as a diff and applied only when asked.
/// Explicit partitions are registered in batches within Glue's limit; ones already there count as present.
/// </summary>
public sealed class GlueProvisioner(IGlueApi glue)
{
    public const int MaxPartitionsPerBatch = 100;

    public async Task<ProvisionResult> ProvisionAsync(TableDefinition wanted, bool update, IReadOnlyList<TablePartition> partitions, CancellationToken cancellationToken)
    {
        var databaseCreated = await EnsureDatabaseAsync(wanted.Database, cancellationToken).ConfigureAwait(false);
        var existing = await GetTableAsync(wanted, cancellationToken).ConfigureAwait(false);
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
                existing = await GetTableAsync(wanted, cancellationToken).ConfigureAwait(false) ?? throw new AwsClientException(
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

        var (created, present) = await RegisterPartitionsAsync(wanted, partitions, cancellationToken).ConfigureAwait(false);
        return result with { PartitionsCreated = created, PartitionsAlreadyPresent = present };
    }

    private async Task<bool> EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            await glue.GetDatabaseAsync(new GetDatabaseRequest { Name = database }, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (AwsNotFoundException)
        {
            await glue.CreateDatabaseAsync(new CreateDatabaseRequest
            {
                DatabaseInput = new DatabaseInput { Name = database, Description = "Amazon VPC Flow Logs (FlowLogAthena)" },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private async Task<Table?> GetTableAsync(TableDefinition wanted, CancellationToken cancellationToken)
    {
        try
        {
            var response = await glue.GetTableAsync(new GetTableRequest { DatabaseName = wanted.Database, Name = wanted.Name }, cancellationToken).ConfigureAwait(false);
            return response.Table;
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }

    private async Task<(int Created, int Present)> RegisterPartitionsAsync(TableDefinition table, IReadOnlyList<TablePartition> partitions, CancellationToken cancellationToken)
    {
        int created = 0, present = 0;
        foreach (var batch in partitions.Chunk(MaxPartitionsPerBatch))
        {
            var response = await glue.BatchCreatePartitionAsync(new BatchCreatePartitionRequest
            {
                DatabaseName = table.Database,
                TableName = table.Name,
                PartitionInputList = batch.Select(p => new PartitionInput
                {
                    Values = p.Values,
                    StorageDescriptor = GlueTableMapping.StorageDescriptorOf(table, p.Location),
                }).ToArray(),
            }, cancellationToken).ConfigureAwait(false);
            var errors = response.Errors ?? [];
            var failed = errors.Where(e => e.ErrorDetail?.ErrorCode is not "AlreadyExistsException").ToList();
            if (failed.Count > 0)
                throw new PartitionRegistrationException(table, failed);
            present += errors.Count;
            created += batch.Length - errors.Count;
        }
        return (created, present);
    }
}
