using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>The table exists with another definition and <c>--update</c> was not given: nothing was changed.</summary>
public sealed class TableDriftException(string table, IReadOnlyList<TableChange> changes)
    : FlowLogAthenaException($"Table {table} exists with a different definition; nothing was changed. Rerun with --update to apply:{Environment.NewLine}"
        + string.Join(Environment.NewLine, changes.Select(c => "  " + c)))
{
    public IReadOnlyList<TableChange> Changes { get; } = changes;

    public override bool IsBadInput => false;
}
