using System.Text.RegularExpressions;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Tables;

/// <summary>
/// The partition projection properties of a scheme. Day is a <c>date</c> projection from the start date to NOW,
/// one day a step; hour an <c>integer</c> 0–23 written with two digits. Account and region are <c>enum</c> keys
/// with the values given: <c>injected</c> keys would make Athena refuse every query that does not filter them
/// with equality, and the query packs read all accounts and regions of a window.
/// </summary>
internal static partial class PartitionProjection
{
    public static IReadOnlyDictionary<string, string> Properties(
        PartitionScheme scheme, DateOnly startDate, IReadOnlyList<string> accounts, IReadOnlyList<string> regions)
    {
        var start = startDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var properties = new Dictionary<string, string>
        {
            [TableProperties.ProjectionEnabled] = "true",
            [Key(PartitionColumns.Account, "type")] = "enum",
            [Key(PartitionColumns.Account, "values")] = EnumValues(accounts, AccountPattern(), "account id", "12 digits, e.g. 012345678901"),
            [Key(PartitionColumns.Region, "type")] = "enum",
            [Key(PartitionColumns.Region, "values")] = EnumValues(regions, RegionPattern(), "region", "e.g. us-east-1"),
            [Key(PartitionColumns.Day, "type")] = "date",
            [Key(PartitionColumns.Day, "format")] = scheme.DayFormat,
            [Key(PartitionColumns.Day, "range")] = PartitionScheme.DayValue(scheme.Layout.Prefix, start) + ",NOW",
            [Key(PartitionColumns.Day, "interval")] = "1",
            [Key(PartitionColumns.Day, "interval.unit")] = "DAYS",
            [TableProperties.StorageLocationTemplate] = scheme.LocationTemplate,
        };
        if (scheme.IsHourly)
        {
            // Projected as 00–23 into a string key, which the Athena predicate and the DuckDB view compare as text.
            properties[Key(PartitionColumns.Hour, "type")] = "integer";
            properties[Key(PartitionColumns.Hour, "range")] = "0,23";
            properties[Key(PartitionColumns.Hour, "digits")] = "2";
        }
        return properties;
    }

    private static string Key(string column, string setting) => $"{TableProperties.ProjectionPrefix}{column}.{setting}";

    /// <summary>Sorted and distinct, so the property (and the table) does not change with discovery order.</summary>
    private static string EnumValues(IReadOnlyList<string> values, Regex pattern, string what, string example)
    {
        if (values.Count == 0)
            throw new TableDefinitionException(
                $"Partition projection needs the {what}s to enumerate (e.g. the {what} folders under AWSLogs/), or register partitions explicitly.");
        foreach (var value in values)
            if (!pattern.IsMatch(value))
                throw new TableDefinitionException($"'{value}' is not an AWS {what} ({example}).");
        return string.Join(',', values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]+\z", RegexOptions.CultureInvariant)]
    internal static partial Regex RegionPattern();
}
