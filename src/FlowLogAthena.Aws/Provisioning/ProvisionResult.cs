using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>What provisioning found and did.</summary>
public sealed record ProvisionResult
{
    public bool DatabaseCreated { get; init; }
    public bool TableCreated { get; init; }

    /// <summary>How the existing table differs from the wanted one; empty when it already matches.</summary>
    public IReadOnlyList<TableChange> Changes { get; init; } = [];

    /// <summary>True when the differences were applied (only with <c>--update</c>).</summary>
    public bool TableUpdated { get; init; }

    public int PartitionsCreated { get; init; }
    public int PartitionsAlreadyPresent { get; init; }

    /// <summary>Partitions that were there and were brought to the updated table's definition.</summary>
    public int PartitionsUpdated { get; init; }

    public bool ChangedNothing => !DatabaseCreated && !TableCreated && !TableUpdated && PartitionsCreated == 0;
}
