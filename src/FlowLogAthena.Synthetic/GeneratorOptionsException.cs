using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Synthetic;

/// <summary>Generator options that cannot produce flow logs: bad account id or region, negative counts, no root.</summary>
public sealed class GeneratorOptionsException(string message) : FlowLogAthenaException(message)
{
    public override bool IsBadInput => true;
}
