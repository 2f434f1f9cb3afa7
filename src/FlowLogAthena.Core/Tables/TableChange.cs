namespace FlowLogAthena.Core.Tables;

/// <summary>One difference between an existing table and the wanted one, e.g. <c>column `bytes`: type int → bigint</c>.</summary>
/// <param name="Subject">What differs: the table, a column, a partition key, the storage, a property.</param>
/// <param name="Change">How it differs, existing → wanted.</param>
public sealed record TableChange(string Subject, string Change)
{
    public override string ToString() => $"{Subject}: {Change}";
}
