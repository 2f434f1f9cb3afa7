using System.Globalization;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// AWS's S3 key scheme for flow logs, relative to the destination prefix:
/// default <c>AWSLogs/{account}/vpcflowlogs/{region}/yyyy/MM/dd[/HH]/</c>, Hive
/// <c>AWSLogs/aws-account-id={account}/aws-service=vpcflowlogs/aws-region={region}/year=yyyy/month=MM/day=dd[/hour=HH]/</c>,
/// files <c>{account}_vpcflowlogs_{region}_{flow-log-id}_{yyyyMMddTHHmmZ}_{hash}.log.gz</c>.
/// </summary>
public static class PartitionPaths
{
    public const string Root = "AWSLogs";
    public const string Service = "vpcflowlogs";

    /// <summary>The folder that holds one account/region's partitions, e.g. <c>AWSLogs/0123/vpcflowlogs/us-east-1</c>.</summary>
    public static string AccountRegionPrefix(PrefixStyle style, string account, string region) => style == PrefixStyle.Hive
        ? $"{Root}/aws-account-id={account}/aws-service={Service}/aws-region={region}"
        : $"{Root}/{account}/{Service}/{region}";

    /// <summary>The time part of a partition folder below the account/region prefix.</summary>
    public static string TimeSuffix(SourceLayout layout, DateTime partitionStartUtc)
    {
        var t = partitionStartUtc;
        var inv = CultureInfo.InvariantCulture;
        if (layout.Prefix == PrefixStyle.Hive)
        {
            var day = $"year={t.ToString("yyyy", inv)}/month={t.ToString("MM", inv)}/day={t.ToString("dd", inv)}";
            return layout.Partitioning == Partitioning.Hourly ? $"{day}/hour={t.ToString("HH", inv)}" : day;
        }
        return layout.Partitioning == Partitioning.Hourly ? t.ToString("yyyy/MM/dd/HH", inv) : t.ToString("yyyy/MM/dd", inv);
    }

    public static string PartitionPrefix(SourceLayout layout, string account, string region, DateTime partitionStartUtc) =>
        $"{AccountRegionPrefix(layout.Prefix, account, region)}/{TimeSuffix(layout, partitionStartUtc)}";

    /// <summary>The flow log id (<c>fl-…</c>) in a delivered file's name (<see cref="FileName"/>), or null when it holds none.</summary>
    public static string? FlowLogIdOf(string path) =>
        path[(path.LastIndexOfAny(['/', '\\']) + 1)..].Split('_').FirstOrDefault(part => part.StartsWith("fl-", StringComparison.Ordinal));

    /// <summary>AWS's file name for a delivery at <paramref name="deliveryUtc"/>.</summary>
    public static string FileName(SourceLayout layout, string account, string region, string flowLogId, DateTime deliveryUtc, string hash) =>
        $"{account}_{Service}_{region}_{flowLogId}_{deliveryUtc.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_{hash}{layout.FileExtension}";

    /// <summary>The start of the partition holding <paramref name="utc"/>: its day, or its hour.</summary>
    public static DateTime PartitionStart(Partitioning partitioning, DateTime utc) => partitioning == Partitioning.Hourly
        ? new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc)
        : new DateTime(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc);

    public static TimeSpan PartitionLength(Partitioning partitioning) =>
        partitioning == Partitioning.Hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>Every partition start whose interval overlaps [fromUtc, toUtc).</summary>
    public static IEnumerable<DateTime> PartitionsOverlapping(Partitioning partitioning, DateTime fromUtc, DateTime toUtc)
    {
        var step = PartitionLength(partitioning);
        for (var t = PartitionStart(partitioning, fromUtc); t < toUtc; t += step)
            yield return t;
    }

    /// <summary>Reads account and region back from a default or Hive account/region folder pair.</summary>
    public static bool TryParseAccountFolder(PrefixStyle style, string folderName, out string account)
    {
        if (style == PrefixStyle.Hive)
        {
            const string key = "aws-account-id=";
            account = folderName.StartsWith(key, StringComparison.Ordinal) ? folderName[key.Length..] : "";
            return account.Length > 0;
        }
        account = folderName;
        return folderName.Length > 0 && !folderName.Contains('=', StringComparison.Ordinal);
    }

    /// <summary>The service folder below an account folder: <c>vpcflowlogs</c> or <c>aws-service=vpcflowlogs</c>.</summary>
    public static string ServiceFolder(PrefixStyle style) => style == PrefixStyle.Hive ? "aws-service=" + Service : Service;

    /// <summary>Reads the region back from a region folder name, or null when it is not one.</summary>
    public static string? RegionOf(PrefixStyle style, string folderName)
    {
        if (style == PrefixStyle.Default) return folderName.Contains('=', StringComparison.Ordinal) ? null : folderName;
        const string key = "aws-region=";
        return folderName.StartsWith(key, StringComparison.Ordinal) && folderName.Length > key.Length ? folderName[key.Length..] : null;
    }
}
