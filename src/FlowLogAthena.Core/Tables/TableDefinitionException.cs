using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Tables;

/// <summary>Options that cannot make a table: a bad name, a source that is not in S3, missing projection values.</summary>
internal sealed class TableDefinitionException(string message) : FlowLogAthenaException(message)
{
    public override bool IsBadInput => true;
}
