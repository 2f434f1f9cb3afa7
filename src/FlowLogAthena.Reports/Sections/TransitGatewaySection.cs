using FlowLogAthena.Reports.Charts;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports.Sections;

/// <summary>
/// The report of a Transit Gateway flow log: bytes per attachment (transit/attachment-traffic), packets the gateway
/// dropped by reason (transit/packets-lost), data processing cost by sending VPC (transit/processing-cost) and the
/// top VPC pairs (transit/vpc-pairs), each against the previous week.
/// </summary>
internal static class TransitGatewaySection
{
    private const string Id = "transit-gateway";
    private const string Title = "Transit Gateway";
    private const int ChartedRows = 10;

    public static ReportSection Build(ReportResults results)
    {
        ReportQuerySpec[] specs = [ReportQuerySpec.TransitAttachments, ReportQuerySpec.TransitPacketsLost, ReportQuerySpec.TransitProcessingCost, ReportQuerySpec.TransitVpcPairs];
        var current = specs.Select(s => results.Week(s, ReportWeek.This)).ToArray();
        var previous = specs.Select(s => results.Week(s, ReportWeek.Previous)).ToArray();
        var notes = results.CommonNotes([.. current, .. previous]);
        var fedBy = string.Join(", ", specs.Select(s => s.QualifiedId));
        var unavailable = current.Select(ReportResults.Unavailable).OfType<string>().ToList();
        if (unavailable.Count > 0)
            return new ReportSection(Id, Title, fedBy, [.. notes, .. unavailable], [ReportChart.NoData(Title, unavailable[0])], []);

        var (withPrevious, previousNote) = SectionParts.PreviousFor(results, previous[0]);
        if (previousNote is not null) notes.Add(previousNote);
        var week = results.Weeks.This;

        var attachments = Compare(Sums(current[0].Table, "tgw_attachment_id", "bytes"), Sums(previous[0].Table, "tgw_attachment_id", "bytes"), withPrevious);
        var drops = Compare(Sums(current[1].Table, "reason", "packets_lost"), Sums(previous[1].Table, "reason", "packets_lost"), withPrevious);
        var cost = Compare(Sums(current[2].Table, Sender, "cost_usd"), Sums(previous[2].Table, Sender, "cost_usd"), withPrevious);
        var lastWeekPairs = Sums(previous[3].Table, Pair, "bytes");
        var pairs = Sums(current[3].Table, Pair, "bytes")
            .Select(p => new Comparison(p.Key, p.Value, lastWeekPairs.TryGetValue(p.Key, out var before) ? before : null, $"not in the previous top {ReportQuerySpec.TopTalkerCount}"))
            .OrderByDescending(c => c.Current).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        notes.Add("Bytes per attachment count both directions; VPC pairs and cost count each flow once, where it entered the gateway (queries/README.md).");

        var totalCost = new Comparison("total", cost.Sum(c => c.Current), withPrevious ? cost.Sum(c => c.Previous ?? 0) : null);
        var totalDrops = new Comparison("total", drops.Sum(c => c.Current), withPrevious ? drops.Sum(c => c.Previous ?? 0) : null);
        var charts = new[]
        {
            ComparisonBarsChart.Render("Bytes by attachment", SectionParts.TopWithOther(attachments, ChartedRows), Measure.Count, withPrevious, $"No traffic through the gateway in {week}."),
            ComparisonBarsChart.Render("Packets dropped by reason", drops, Measure.Count, withPrevious, $"The gateway dropped no packet in {week}."),
            ComparisonBarsChart.Render("Data processing cost by sending VPC", SectionParts.TopWithOther(cost, ChartedRows), Measure.Usd, withPrevious, $"Nothing entered the gateway in {week}."),
        };
        return new ReportSection(Id, Title, fedBy, notes, charts,
        [
            SectionParts.ComparisonTable("tgw-attachments", "Bytes by attachment (in and out of the gateway)", "attachment", "bytes", Measure.Count, attachments, null, withPrevious),
            SectionParts.ComparisonTable("tgw-drops", "Packets the gateway dropped, by reason", "reason", "packets", Measure.Count, drops, totalDrops, withPrevious),
            SectionParts.ComparisonTable("tgw-processing-cost", "Data processing cost by sending account and VPC (or attachment)", "sender", "USD", Measure.Usd, cost, totalCost, withPrevious),
            SectionParts.ComparisonTable("tgw-vpc-pairs", $"Top {ReportQuerySpec.TopTalkerCount} source → destination pairs by bytes", "source → destination", "bytes", Measure.Count, pairs, null, withPrevious),
        ]);
    }

    /// <summary>Who sent the bytes: the account and VPC, or the attachment for a VPN, Direct Connect or peering sender.</summary>
    private static string Sender(ResultTable table, object?[] row) =>
        ResultTable.Text(row, table.IndexOf("source_vpc_id")) is { } vpc
            ? $"{ResultTable.Text(row, table.IndexOf("source_account_id")) ?? "-"} {vpc}"
            : ResultTable.Text(row, table.IndexOf("tgw_attachment_id")) ?? "unknown";

    /// <summary>A VPC pair as "vpc (account) → vpc (account)", an attachment standing in for a side without a VPC.</summary>
    private static string Pair(ResultTable table, object?[] row)
    {
        string Side(string vpc, string account, string attachment) =>
            ResultTable.Text(row, table.IndexOf(vpc)) is { } id ? $"{id} ({ResultTable.Text(row, table.IndexOf(account)) ?? "-"})" : ResultTable.Text(row, table.IndexOf(attachment)) ?? "dropped";
        return $"{Side("source_vpc_id", "source_account_id", "source_attachment_id")} → {Side("destination_vpc_id", "destination_account_id", "destination_attachment_id")}";
    }

    private static Dictionary<string, decimal> Sums(ResultTable table, string key, string value) =>
        Sums(table, (t, row) => ResultTable.Text(row, t.IndexOf(key)) ?? "unknown", value);

    private static Dictionary<string, decimal> Sums(ResultTable table, Func<ResultTable, object?[], string> key, string value)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (table.Rows.Count == 0) return sums;
        var index = table.IndexOf(value);
        foreach (var row in table.Rows)
        {
            var name = key(table, row);
            sums[name] = sums.GetValueOrDefault(name) + ResultTable.Decimal(row, index);
        }
        return sums;
    }

    /// <summary>Per key for both weeks, largest first; a key absent from a week that has data had nothing that week.</summary>
    private static List<Comparison> Compare(Dictionary<string, decimal> thisWeek, Dictionary<string, decimal> lastWeek, bool withPrevious)
    {
        var keys = withPrevious ? thisWeek.Keys.Union(lastWeek.Keys) : thisWeek.Keys;
        return keys.Select(k => new Comparison(k, thisWeek.GetValueOrDefault(k), withPrevious ? lastWeek.GetValueOrDefault(k) : null))
            .OrderByDescending(c => c.Current).ThenByDescending(c => c.Previous).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
    }
}
