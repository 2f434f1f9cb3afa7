using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.Athena;

/// <summary>Athena ended a query as FAILED or CANCELLED; carries Athena's reason.</summary>
public sealed class AthenaQueryFailedException(string executionId, string state, string? reason, AthenaError? error)
    : FlowLogAthenaException($"Athena query {executionId} ended {state}: {reason ?? error?.ErrorMessage ?? "no reason given"}")
{
    public string ExecutionId { get; } = executionId;

    public string State { get; } = state;

    /// <summary>Athena's StateChangeReason.</summary>
    public string? Reason { get; } = reason;

    public AthenaError? Error { get; } = error;

    public override bool IsBadInput => false;
}

/// <summary>A query outlived its timeout; it was stopped and reached <see cref="FinalState"/> (null if Athena never said).</summary>
public sealed class AthenaQueryTimeoutException(string executionId, TimeSpan timeout, string? finalState)
    : FlowLogAthenaException($"Athena query {executionId} did not finish within {timeout.TotalSeconds:0.###} s and was stopped (state {finalState ?? "unknown"}).")
{
    public string ExecutionId { get; } = executionId;

    public TimeSpan Timeout { get; } = timeout;

    public string? FinalState { get; } = finalState;

    public override bool IsBadInput => false;
}
