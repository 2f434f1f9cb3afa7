using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Runtime.Retries;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>
/// One Glue batch partition call, resent for the partitions Glue refused for a transient reason: the call itself is
/// retried by the client, but a batch answers 200 with per-partition errors, which the client cannot see. Resends
/// follow the run's retry policy (attempts and backoff), like every other AWS call.
/// </summary>
internal static class PartitionBatch
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "InternalServiceException", "OperationTimeoutException", "ConcurrentModificationException",
    };

    /// <summary>Sends <paramref name="partitions"/>; returns those Glue says already exist. Throws on any other refusal.</summary>
    public static async Task<List<TablePartition>> SendAsync(
        IReadOnlyList<TablePartition> partitions,
        Func<IReadOnlyList<TablePartition>, CancellationToken, Task<List<(IReadOnlyList<string>? Values, ErrorDetail? Error)>>> send,
        TableDefinition table,
        string action,
        AwsRetryPolicy policy,
        CancellationToken cancellationToken)
    {
        var existing = new List<TablePartition>();
        var pending = partitions;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var errors = await send(pending, cancellationToken).ConfigureAwait(false);
            var byValues = pending.ToDictionary(p => Key(p.Values), StringComparer.Ordinal);
            var retry = new List<TablePartition>();
            var failed = new List<PartitionError>();
            foreach (var (values, error) in errors)
            {
                var code = error?.ErrorCode;
                if (!byValues.TryGetValue(Key(values ?? []), out var partition))
                    failed.Add(new PartitionError { PartitionValues = values, ErrorDetail = error });
                else if (code is "AlreadyExistsException")
                    existing.Add(partition);
                else if (attempt < policy.MaxAttempts && (RetryableFailures.IsThrottling(code) || (code is not null && TransientCodes.Contains(code))))
                    retry.Add(partition);
                else
                    failed.Add(new PartitionError { PartitionValues = values, ErrorDetail = error });
            }
            if (failed.Count > 0)
                throw new PartitionRegistrationException(table, failed, action);
            pending = retry;
            if (pending.Count > 0)
                await Task.Delay(policy.DelayBefore(attempt - 1, Random.Shared), cancellationToken).ConfigureAwait(false);
        }
        return existing;
    }

    private static string Key(IEnumerable<string> values) => string.Join('\u0001', values);
}
