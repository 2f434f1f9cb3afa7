using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports;

/// <summary>One run of a report query for one week: its status, rows, CSV, the engine's stats when it ran, and, if any, why not.</summary>
public sealed record ReportQueryOutcome(
    ReportQuerySpec Spec,
    ReportWeek Week,
    TimeWindow Window,
    QueryStatus Status,
    ResultTable Table,
    string? File,
    string? Reason,
    QueryStats? Stats = null)
{
    /// <summary>A sum-feeding result that filled its limit may be missing rows.</summary>
    public bool MayBeTruncated => Status == QueryStatus.Ok && Spec.NeedsAllRows && Spec.Limit is { } limit && Table.Rows.Count >= limit;
}
