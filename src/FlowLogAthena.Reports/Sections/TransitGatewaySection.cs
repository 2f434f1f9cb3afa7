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

        var attachments = SectionParts.SumsByKey(current[0].Table, previous[0].Table, SectionParts.ByColumn("tgw_attachment_id"), "bytes", withPrevious);
        var drops = SectionParts.SumsByKey(current[1].Table, previous[1].Table, SectionParts.ByColumn("reason"), "packets_lost", withPrevious);
        var cost = SectionParts.SumsByKey(current[2].Table, previous[2].Table, Sender, "cost_usd", withPrevious);
        var lastWeekPairs = SectionParts.Sums(previous[3].Table, Pair, "bytes");
        var pairs = SectionParts.Sums(current[3].Table, Pair, "bytes")
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
}
