using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>What <c>provision</c> was asked for: the source in S3 and how its table should look.</summary>
public sealed record ProvisionRequest
{
    public required FlowLogSource Source { get; init; }

    /// <summary>Whether the format was given; without it the objects' header line says what the flow log writes.</summary>
    public bool FormatGiven { get; init; }

    public required string Database { get; init; }

    public required string Table { get; init; }

    public PartitionMode Partitions { get; init; } = PartitionMode.Projection;

    /// <summary>First day of the projected date range; explicit partitions are registered from it to <see cref="Today"/>.</summary>
    public required DateOnly StartDate { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>Accounts and regions to project; empty means those found under the source.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Plan without reading S3 at all (printing DDL with the format, accounts and regions given).</summary>
    public bool Offline { get; init; }
}

/// <summary>The table to make and the partitions to register, and the format the headers named when it was not given.</summary>
public sealed record ProvisionPlan(TableDefinition Definition, IReadOnlyList<TablePartition> Partitions, FlowLogFormat? DetectedFormat);
