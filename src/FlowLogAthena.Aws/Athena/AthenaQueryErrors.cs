using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.Athena;

/// <summary>Athena ended a query as FAILED or CANCELLED; carries Athena's reason and its AthenaError (category, type, retryable).</summary>
public sealed class AthenaQueryFailedException(string executionId, string state, string? reason, AthenaError? error)
    : FlowLogAthenaException($"Athena query {executionId} ended {state}: {reason ?? error?.ErrorMessage ?? "no reason given"}{Describe(error)}")
{
    public string ExecutionId { get; } = executionId;

    public string State { get; } = state;

    /// <summary>Athena's StateChangeReason.</summary>
    public string? Reason { get; } = reason;

    public AthenaError? Error { get; } = error;

    public override bool IsBadInput => false;

    /// <summary>" (user error, type 1100, retryable)": what AthenaError says beyond the reason.</summary>
    private static string Describe(AthenaError? error)
    {
        if (error is null) return "";
        var parts = new List<string>();
        if (error.ErrorCategory is { } category)
            parts.Add(category switch { 1 => "system error", 2 => "user error", 3 => "other error", _ => $"error category {category}" });
        if (error.ErrorType is { } type) parts.Add($"type {type}");
        if (error.Retryable is { } retryable) parts.Add(retryable ? "retryable: running it again may succeed" : "not retryable");
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
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

/// <summary>
/// A failure ended the wait for a started (or possibly started) query — the network, the retries, an unreadable
/// answer — and the query was stopped. Says which execution, how it ended, and, when Athena could not be reached to
/// confirm the stop, what the operator must check; the failure itself is the inner exception and in the message.
/// </summary>
public sealed class AthenaQueryInterruptedException(string? executionId, string? requestToken, string? finalState, TimeSpan stopLimit, Exception cause)
    : FlowLogAthenaException(Describe(executionId, requestToken, finalState, stopLimit, cause), cause)
{
    public string? ExecutionId { get; } = executionId;

    /// <summary>The execution's final state after the stop; null when Athena did not confirm one.</summary>
    public string? FinalState { get; } = finalState;

    public override bool IsBadInput => InnerException is FlowLogAthenaException { IsBadInput: true };

    private static string Describe(string? id, string? token, string? final, TimeSpan limit, Exception cause)
    {
        var what = cause.Message.TrimEnd('.');
        if (id is null)
            return $"{what}. Athena may have started the query (client request token {token ?? "none"}) but could not be reached to find "
                 + "and stop it; check the workgroup's recent queries and stop it if it runs.";
        return final is not null
            ? $"{what}. Athena query {id} was stopped (state {final})."
            : $"{what}. Athena query {id} was asked to stop but did not confirm a final state within {limit.TotalSeconds:0.###} s; "
              + $"check it (aws athena get-query-execution --query-execution-id {id}) and stop it if it still runs.";
    }
}
