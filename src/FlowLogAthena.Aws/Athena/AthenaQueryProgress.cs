namespace FlowLogAthena.Aws.Athena;

/// <summary>What a poll of a running query saw: for progress displays.</summary>
public sealed record AthenaQueryProgress(string ExecutionId, string State, long DataScannedInBytes, TimeSpan Elapsed);
