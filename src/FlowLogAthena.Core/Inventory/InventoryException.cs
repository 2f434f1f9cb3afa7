using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Inventory;

/// <summary>The interface inventory could not be read: a role that cannot be assumed, a call EC2 refused, an account or region named wrong.</summary>
public sealed class InventoryException(string message, bool isBadInput, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput { get; } = isBadInput;
}
