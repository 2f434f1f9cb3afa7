using System.Text.RegularExpressions;
using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Compaction;

/// <summary>
/// The Athena statement that writes one day of the text table as Parquet into a staging prefix: an <c>UNLOAD</c> of
/// every record of the day's partitions (a partition predicate only, never the <c>start</c> bounds, so late
/// deliveries stay where the text table has them), the format's columns in their table types, zstd, partitioned by
/// account, region (and hour) — which Athena writes as <c>key=value/</c> folders below the prefix.
/// </summary>
public static class TwinUnloadSql
{
    /// <summary>Athena writes at most this many partitions in one UNLOAD.</summary>
    public const int MaxPartitions = 100;

    /// <param name="tableReference">The text table, quoted as the Athena engine renders it.</param>
    /// <param name="accountRegions">Limits the statement to these account/region pairs (a day with more partitions than one UNLOAD may write is split); all when null.</param>
    public static string For(FlowLogSource text, string tableReference, DateOnly day, string stagingUri, IReadOnlyList<(string Account, string Region)>? accountRegions = null)
    {
        var sql = AthenaSqlHelpers.Instance;
        var partitionKeys = PartitionKeys(text.Layout);
        var columns = text.Format.Fields.Select(sql.Column).Concat(partitionKeys.Select(sql.QuoteIdentifier));
        var where = sql.PartitionPredicate(TwinLayout.DayWindow(day), text.Layout.Partitioning, text.Layout.Prefix);
        if (text.FlowLogId is { } flowLogId && sql.FlowLogFilePredicate(flowLogId) is { } files) where += " AND " + files;
        if (accountRegions is { Count: > 0 })
        {
            // Account ids and regions come from the listing; they are checked as the projection's enums are.
            var pairs = accountRegions.Select(p => $"({sql.StringLiteral(Checked(p.Account, PartitionProjection.AccountPattern()))}, {sql.StringLiteral(Checked(p.Region, PartitionProjection.RegionPattern()))})");
            where += $" AND ({sql.QuoteIdentifier(PartitionColumns.Account)}, {sql.QuoteIdentifier(PartitionColumns.Region)}) IN ({string.Join(", ", pairs)})";
        }
        return $"UNLOAD (SELECT {string.Join(", ", columns)} FROM {tableReference} WHERE {where}) "
            + $"TO {sql.StringLiteral(stagingUri)} "
            + $"WITH (format = 'PARQUET', compression = 'ZSTD', partitioned_by = ARRAY[{string.Join(", ", partitionKeys.Select(sql.StringLiteral))}])";
    }

    /// <summary>The keys the staged files are partitioned by: account and region, and hour when hourly (day is the statement's one day).</summary>
    public static IReadOnlyList<string> PartitionKeys(SourceLayout layout) => layout.Partitioning == Partitioning.Hourly
        ? [PartitionColumns.Account, PartitionColumns.Region, PartitionColumns.Hour]
        : [PartitionColumns.Account, PartitionColumns.Region];

    private static string Checked(string value, Regex pattern) =>
        pattern.IsMatch(value) ? value : throw new ArgumentException($"'{value}' is not an account id or region.", nameof(value));
}
