namespace FlowLogAthena.Core.Tables;

/// <summary>One registered partition: its key values, in the table's partition-key order, and its S3 folder.</summary>
public sealed record TablePartition(IReadOnlyList<string> Values, string Location)
{
    public override string ToString() => $"({string.Join(", ", Values)}) {Location}";
}
