namespace FlowLogAthena.Core.Tables;

/// <summary>A column or partition key of a table: name, Athena (Hive DDL) type and an optional comment.</summary>
public sealed record TableColumn(string Name, string Type, string? Comment = null)
{
    public override string ToString() => $"{Name} {Type}";
}
