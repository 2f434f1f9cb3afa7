using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Reports.Sections;

namespace FlowLogAthena.Reports.Html;

/// <summary>Everything the page shows: what was reported on, the sections, and every query run with its status.</summary>
public sealed record ReportPage(WeeklyReportRequest Request, FlowLogSource Source, EngineKind Engine, ReportResults Results, IReadOnlyList<ReportSection> Sections);
