namespace FlowLogAthena.Core.Running;

/// <summary>
/// Athena's price for a query: $5 per TB scanned, bytes rounded up to the megabyte, 10 MB minimum per
/// query. DDL is free. TB and MB are binary (2^40, 2^20 bytes), as AWS bills data.
/// </summary>
public static class AthenaCost
{
    public const decimal UsdPerTerabyte = 5m;
    public const long MinimumBilledMegabytes = 10;
    private const long Megabyte = 1L << 20;
    private const decimal MegabytesPerTerabyte = 1L << 20;

    public static decimal EstimateUsd(long bytesScanned, string? statementType = null)
    {
        if (statementType == "DDL") return 0m;
        var megabytes = Math.Max(MinimumBilledMegabytes, (Math.Max(0, bytesScanned) + Megabyte - 1) / Megabyte);
        return megabytes * UsdPerTerabyte / MegabytesPerTerabyte;
    }
}
