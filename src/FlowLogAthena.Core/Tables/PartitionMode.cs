namespace FlowLogAthena.Core.Tables;

/// <summary>How Athena finds a table's partitions.</summary>
public enum PartitionMode
{
    /// <summary>Partition projection: Athena computes partitions from table properties; nothing to register.</summary>
    Projection,

    /// <summary>Partitions registered in Glue one by one (from the prefixes found in S3).</summary>
    Explicit,
}
