using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Reports.Data;

namespace FlowLogAthena.Reports;

/// <summary>One run of a report query for one week: its status, rows, CSV, the engine's stats when it ran, and, if any, why not.</summary>
public sealed record ReportQueryOutcome(
    ReportQuerySpec Spec,
    ReportWeek Week,
    TimeWindow Window,
    string Status,
    ResultTable Table,
    string? File,
    string? Reason,
    QueryStats? Stats = null)
{
    public const string Ok = "ok";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    /// <summary>No flow log files in the window (the local engine's answer for a week before the logs begin).</summary>
    public const string NoData = "no-data";

    /// <summary>A sum-feeding result that filled its limit may be missing rows.</summary>
    public bool MayBeTruncated => Status == Ok && Spec.NeedsAllRows && Spec.Limit is { } limit && Table.Rows.Count >= limit;
}
