using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>An address ranges file that cannot be used (not AWS's schema, a bad prefix), or one that cannot be fetched.</summary>
public sealed class AwsIpRangesException(string message, bool isBadInput = true, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput { get; } = isBadInput;
}
