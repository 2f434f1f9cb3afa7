using System.Globalization;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Tables;

/// <summary>
/// How a source's S3 folders map to the table's partition keys (<see cref="PartitionColumns"/>): the keys, the
/// text of each key's values, the projection's <c>storage.location.template</c>, and the folder of one partition
/// for explicit registration. Both are built from <see cref="PartitionPaths"/>, so they point where AWS delivers.
/// </summary>
public sealed class PartitionScheme
{
    /// <summary>The day key's pattern for the default layout; <c>yyyy/MM/dd</c> as the folders are.</summary>
    public const string DefaultDayFormat = PartitionColumns.DayFormat;

    /// <summary>
    /// The day key's pattern for Hive-compatible folders: <c>year=2026/month=11/day=02</c>. One date key (not
    /// year, month and day keys) keeps Athena's date projection and range predicates; the literal parts are quoted
    /// the same way in .NET custom formats and Java's DateTimeFormatter, which reads Athena's projection format.
    /// </summary>
    public const string HiveDayFormat = "'year='yyyy'/month='MM'/day='dd";

    public const string HourFormat = PartitionColumns.HourFormat;

    private readonly string _root;

    private PartitionScheme(string root, SourceLayout layout)
    {
        _root = root;
        Layout = layout;
        Location = $"{_root}/{PartitionPaths.Root}/";
        Keys = KeysFor(layout);
    }

    /// <summary>
    /// The partition columns of a layout, in order: the one definition the Glue table's keys and the DuckDB view's
    /// partition columns are both made from.
    /// </summary>
    public static IReadOnlyList<TableColumn> KeysFor(SourceLayout layout)
    {
        var day = layout.Prefix == PrefixStyle.Hive ? "year=yyyy/month=MM/day=dd" : "yyyy/MM/dd";
        List<TableColumn> keys =
        [
            new(PartitionColumns.Account, "string", "Account id of the delivery folder."),
            new(PartitionColumns.Region, "string", "Region of the delivery folder."),
            new(PartitionColumns.Day, "string", $"Delivery day folder as {day} (UTC)."),
        ];
        if (layout.Partitioning == Partitioning.Hourly)
            keys.Add(new(PartitionColumns.Hour, "string", "Delivery hour folder as HH (UTC)."));
        return keys;
    }

    /// <summary>The values of <see cref="KeysFor"/> for a file AWS delivered to an account, region and partition.</summary>
    public static IReadOnlyList<string> ValuesFor(SourceLayout layout, string account, string region, DateTime partitionStartUtc)
    {
        List<string> values = [account, region, DayValue(layout.Prefix, partitionStartUtc)];
        if (layout.Partitioning == Partitioning.Hourly) values.Add(HourValue(partitionStartUtc));
        return values;
    }

    /// <exception cref="TableDefinitionException">The source is not <c>s3://bucket[/prefix]</c>.</exception>
    public static PartitionScheme For(FlowLogSource source) => new(S3Root(source.Root), source.Layout);

    public SourceLayout Layout { get; }

    /// <summary>The table's location: the source's <c>AWSLogs/</c> folder, e.g. <c>s3://bucket/prefix/AWSLogs/</c>.</summary>
    public string Location { get; }

    /// <summary>Account, region, day and, when hourly, hour.</summary>
    public IReadOnlyList<TableColumn> Keys { get; }

    public bool IsHourly => Layout.Partitioning == Partitioning.Hourly;

    /// <summary>The pattern of the day key's values (a .NET and a Java date pattern alike).</summary>
    public string DayFormat => DayFormatFor(Layout.Prefix);

    /// <summary>
    /// The day key's pattern for a layout. The Athena partition predicate must compare <c>day</c> with values in
    /// this pattern: on a Hive layout they read <c>year=2026/month=11/day=02</c>, not <c>2026/11/02</c>.
    /// </summary>
    public static string DayFormatFor(PrefixStyle prefix) => prefix == PrefixStyle.Hive ? HiveDayFormat : DefaultDayFormat;

    /// <summary>The day key's value for the partition holding <paramref name="utc"/>.</summary>
    public static string DayValue(PrefixStyle prefix, DateTime utc) => utc.ToString(DayFormatFor(prefix), CultureInfo.InvariantCulture);

    public static string HourValue(DateTime utc) => utc.ToString(HourFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Where Athena looks for a projected partition: the layout's folders with <c>${key}</c> for each key's value,
    /// e.g. <c>s3://b/p/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/</c>.
    /// </summary>
    public string LocationTemplate
    {
        get
        {
            var accountRegion = PartitionPaths.AccountRegionPrefix(Layout.Prefix, Placeholder(PartitionColumns.Account), Placeholder(PartitionColumns.Region));
            var time = Placeholder(PartitionColumns.Day);
            if (IsHourly)
                time += "/" + (Layout.Prefix == PrefixStyle.Hive ? "hour=" : "") + Placeholder(PartitionColumns.Hour);
            return $"{_root}/{accountRegion}/{time}/";
        }
    }

    /// <summary>The partition AWS delivers an account and region's records of one day (or hour) to.</summary>
    /// <param name="partitionStartUtc">The partition's first instant: midnight, or the full hour when hourly.</param>
    public TablePartition Partition(string account, string region, DateTime partitionStartUtc)
    {
        if (partitionStartUtc.Kind != DateTimeKind.Utc || PartitionPaths.PartitionStart(Layout.Partitioning, partitionStartUtc) != partitionStartUtc)
            throw new ArgumentException(
                $"{partitionStartUtc:O} is not the UTC start of a {Layout.Partitioning.ToString().ToLowerInvariant()} partition.", nameof(partitionStartUtc));
        return new TablePartition(ValuesFor(Layout, account, region, partitionStartUtc), $"{_root}/{PartitionPaths.PartitionPrefix(Layout, account, region, partitionStartUtc)}/");
    }

    /// <summary>The root as <c>s3://bucket/prefix</c>, without a trailing slash.</summary>
    private static string S3Root(string root)
    {
        const string scheme = "s3://";
        var rest = root.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? root[scheme.Length..].TrimEnd('/') : null;
        if (rest is null || rest.Length == 0 || rest.StartsWith('/') || rest.Any(char.IsControl))
            throw new TableDefinitionException(
                $"A Glue table needs the source's S3 location, s3://bucket/prefix (the prefix that holds AWSLogs/); '{root}' is not one.");
        return scheme + rest;
    }

    private static string Placeholder(string key) => "${" + key + "}";
}
