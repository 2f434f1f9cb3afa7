using System.Globalization;
using FlowLogAthena.Core.Queries.Parameters;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>Amazon Athena engine v3 (Trino) helpers.</summary>
internal sealed class AthenaSqlHelpers : SqlDialectHelpers
{
    public static AthenaSqlHelpers Instance { get; } = new();

    private AthenaSqlHelpers()
    {
    }

    public override SqlDialect Dialect => SqlDialect.Athena;

    /// <summary>
    /// The partition predicate on <c>day</c> (and <c>hour</c> when hourly) for the partitions the window overlaps,
    /// so Athena reads only those prefixes, AND the exact <c>start</c> bounds.
    /// </summary>
    public override string TimeWindowPredicate(TimeWindow window, Partitioning partitioning, PrefixStyle prefix = PrefixStyle.Default) =>
        $"({PartitionPredicate(window, partitioning, prefix)} AND {StartBounds(window)})";

    /// <summary>
    /// The table's location holds every flow log delivering to the prefix; its objects' names carry the flow log id
    /// between underscores (<c>…_vpcflowlogs_us-east-1_fl-…_20261102T0005Z_….log.gz</c>), which Athena's
    /// <c>"$path"</c> column gives. strpos, not LIKE: LIKE's <c>_</c> would match any character.
    /// </summary>
    public override string? FlowLogFilePredicate(string flowLogId) =>
        $"strpos(\"$path\", {StringLiteral("_" + flowLogId + "_")}) > 0";

    /// <summary>
    /// Selects the same partitions <see cref="PartitionPaths.PartitionsOverlapping"/> lists (the local engine
    /// reads exactly those files), written as ranges so a long window stays one short predicate.
    /// </summary>
    /// <remarks>The day values follow the layout's projection: <c>2026/11/02</c>, or <c>year=2026/month=11/day=02</c> on Hive
    /// layouts; both are fixed-width and sort like dates, so ranges prune correctly.</remarks>
    public string PartitionPredicate(TimeWindow window, Partitioning partitioning, PrefixStyle prefix = PrefixStyle.Default)
    {
        var partitions = PartitionPaths.PartitionsOverlapping(partitioning, window.From, window.To).ToList();
        var (first, last) = (partitions[0], partitions[^1]);
        var day = QuoteIdentifier(PartitionColumns.Day);
        var (firstDay, lastDay) = (DayText(first, prefix), DayText(last, prefix));
        var dayRange = firstDay == lastDay ? $"{day} = {firstDay}" : $"{day} BETWEEN {firstDay} AND {lastDay}";
        if (partitioning == Partitioning.Daily) return dayRange;

        var hour = QuoteIdentifier(PartitionColumns.Hour);
        var (firstHour, lastHour) = (HourText(first), HourText(last));
        var fromMidnight = first.Hour == 0;
        var toMidnight = last.Hour == 23;
        if (firstDay == lastDay)
        {
            if (fromMidnight && toMidnight) return dayRange;
            return firstHour == lastHour
                ? $"{dayRange} AND {hour} = {firstHour}"
                : $"{dayRange} AND {hour} BETWEEN {firstHour} AND {lastHour}";
        }
        // Across days: whole middle days, and only the covered hours of the first and last day.
        var predicate = dayRange;
        if (!fromMidnight) predicate += $" AND ({day} > {firstDay} OR {hour} >= {firstHour})";
        if (!toMidnight) predicate += $" AND ({day} < {lastDay} OR {hour} <= {lastHour})";
        return predicate;
    }

    /// <summary>
    /// Athena binds parameter values as execution parameters: each value (each item of a list) becomes a <c>?</c>
    /// and its validated literal travels beside the SQL, so even a validated value is never part of the text.
    /// </summary>
    public override string Bind(ParameterValue value, ICollection<string> executionParameters)
    {
        if (value is ListValue list) return string.Join(", ", list.Items.Select(item => Bind(item, executionParameters)));
        if (value is DecimalValue number)
        {
            // The value travels as a plain string literal; its exact type stays in the SQL text, as on DuckDB.
            executionParameters.Add(StringLiteral(DecimalText.Format(number.Value)));
            return $"CAST(? AS {DecimalText.SqlType})";
        }
        executionParameters.Add(Literal(value));
        return "?";
    }

    /// <summary>
    /// Trino's <c>contains(cidr, ipaddress)</c> per network, ORed; TRY_CAST turns '-' or other non-addresses into NULL,
    /// then FALSE.
    /// </summary>
    /// <summary>Trino's IPADDRESS holds 16 bytes, IPv4 mapped (<c>::ffff:a.b.c.d</c>); TRY_CAST makes other text NULL.</summary>
    public override string AddressHex(string columnSql) => $"to_hex(CAST(TRY_CAST({columnSql} AS IPADDRESS) AS VARBINARY))";

    protected override string AnyNetworkMatch(string columnSql, IReadOnlyList<IpNetwork> networks)
    {
        var matches = networks.Select(n => $"COALESCE(contains({StringLiteral(n.ToString())}, TRY_CAST({columnSql} AS IPADDRESS)), FALSE)").ToList();
        return matches.Count == 1 ? matches[0] : "(" + string.Join(" OR ", matches) + ")";
    }

    private string DayText(DateTime partition, PrefixStyle prefix) => StringLiteral(PartitionScheme.DayValue(prefix, partition));

    private string HourText(DateTime partition) =>
        StringLiteral(partition.ToString(PartitionColumns.HourFormat, CultureInfo.InvariantCulture));
}
