namespace FlowLogAthena.Reports;

/// <summary>
/// A catalog query the report runs, with the parameters the report fixes. <see cref="Daily"/> queries run once
/// per UTC day of each week (their rows carry no time of their own); <see cref="NeedsAllRows"/> queries feed
/// sums, so a result that fills the limit is flagged as possibly cut short.
/// </summary>
public sealed record ReportQuerySpec(string QualifiedId, IReadOnlyDictionary<string, string> FixedParameters, bool Daily, bool NeedsAllRows)
{
    public static ReportQuerySpec HourlyTraffic { get; } = new("capacity/hourly-traffic", Fixed(("capacity_levels", "vpc"), ("limit", "1000000")), Daily: false, NeedsAllRows: true);

    public static ReportQuerySpec CapacityPeaks { get; } = new("capacity/capacity-peaks", Fixed(("capacity_levels", "vpc"), ("limit", "1000000")), Daily: false, NeedsAllRows: true);

    public static ReportQuerySpec TopTalkers { get; } = new("traffic/top-talkers", Fixed(("limit", TopTalkerCount.ToString(System.Globalization.CultureInfo.InvariantCulture))), Daily: false, NeedsAllRows: false);

    /// <summary>Every destination port and protocol fits under the limit, so a day's attempts sum to all its rejects.</summary>
    public static ReportQuerySpec RejectedByPort { get; } = new("security/rejected-by-port", Fixed(("limit", "100000")), Daily: true, NeedsAllRows: true);

    public static ReportQuerySpec EgressCost { get; } = new("cost/egress-cost", Fixed(("limit", "1000000")), Daily: false, NeedsAllRows: true);

    public const int TopTalkerCount = 10;

    public static IReadOnlyList<ReportQuerySpec> All { get; } = [HourlyTraffic, CapacityPeaks, TopTalkers, RejectedByPort, EgressCost];

    public long Limit => long.Parse(FixedParameters["limit"], System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fixed(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
