using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>Glue refused to register or update some partitions of a batch, for a reason other than "already exists" or one that passed.</summary>
public sealed class PartitionRegistrationException(TableDefinition table, IReadOnlyList<PartitionError> errors, string action = "register")
    : FlowLogAthenaException($"Glue refused to {action} {errors.Count} partition(s) of {table.Database}.{table.Name}: "
        + string.Join("; ", errors.Take(5).Select(e => $"({string.Join(", ", e.PartitionValues ?? [])}) {e.ErrorDetail?.ErrorCode}: {e.ErrorDetail?.ErrorMessage}")))
{
    public override bool IsBadInput => false;
}
