using System.Globalization;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Reports;

/// <summary>
/// A catalog query the report runs once per week, with the parameters the report fixes. <see cref="NeedsAllRows"/>
/// queries feed sums, so a result that fills the limit is flagged as possibly cut short.
/// </summary>
public sealed record ReportQuerySpec(string QualifiedId, IReadOnlyDictionary<string, string> FixedParameters, bool NeedsAllRows)
{
    public static ReportQuerySpec HourlyTraffic { get; } = new("capacity/hourly-traffic", Fixed(("capacity_levels", "vpc"), ("limit", "1000000")), NeedsAllRows: true);

    public static ReportQuerySpec CapacityPeaks { get; } = new("capacity/capacity-peaks", Fixed(("capacity_levels", "vpc"), ("limit", "1000000")), NeedsAllRows: true);

    public static ReportQuerySpec TopTalkers { get; } = new("traffic/top-talkers", Fixed(("limit", TopTalkerCount.ToString(CultureInfo.InvariantCulture))), NeedsAllRows: false);

    /// <summary>One row per UTC day with rejects, so the query has no limit and its rows are all the week's rejects.</summary>
    public static ReportQuerySpec RejectsPerDay { get; } = new("security/rejects-per-day", Fixed(), NeedsAllRows: true);

    public static ReportQuerySpec EgressCost { get; } = new("cost/egress-cost", Fixed(("limit", "1000000")), NeedsAllRows: true);

    public static ReportQuerySpec TransitAttachments { get; } = new("transit/attachment-traffic", Fixed(("limit", "1000000")), NeedsAllRows: true);

    public static ReportQuerySpec TransitVpcPairs { get; } = new("transit/vpc-pairs", Fixed(("limit", TopTalkerCount.ToString(CultureInfo.InvariantCulture))), NeedsAllRows: false);

    public static ReportQuerySpec TransitPacketsLost { get; } = new("transit/packets-lost", Fixed(("limit", "1000000")), NeedsAllRows: true);

    public static ReportQuerySpec TransitProcessingCost { get; } = new("transit/processing-cost", Fixed(("limit", "1000000")), NeedsAllRows: true);

    public const int TopTalkerCount = 10;

    /// <summary>What the report runs on a VPC flow log.</summary>
    public static IReadOnlyList<ReportQuerySpec> Vpc { get; } = [HourlyTraffic, CapacityPeaks, TopTalkers, RejectsPerDay, EgressCost];

    /// <summary>What the report runs on a Transit Gateway flow log: its Transit Gateway section.</summary>
    public static IReadOnlyList<ReportQuerySpec> TransitGateway { get; } = [TransitAttachments, TransitVpcPairs, TransitPacketsLost, TransitProcessingCost];

    /// <summary>Every query the report may run, whichever kind of flow log it reads.</summary>
    public static IReadOnlyList<ReportQuerySpec> All { get; } = [.. Vpc, .. TransitGateway];

    /// <summary>The queries the report runs on a flow log of this kind.</summary>
    public static IReadOnlyList<ReportQuerySpec> For(FlowLogKind kind) => kind == FlowLogKind.TransitGateway ? TransitGateway : Vpc;

    /// <summary>The row limit the report sets, or null for a query without one.</summary>
    public long? Limit => FixedParameters.TryGetValue("limit", out var limit) ? long.Parse(limit, CultureInfo.InvariantCulture) : null;

    private static Dictionary<string, string> Fixed(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
