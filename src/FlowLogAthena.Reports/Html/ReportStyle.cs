namespace FlowLogAthena.Reports.Html;

/// <summary>The page's inline style sheet (the page loads nothing from outside; its CSP forbids it).</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1040px; padding: 24px; color: #1b1b1b; background: #fff; }
        h1 { margin-bottom: 4px; }
        h2 { border-bottom: 2px solid #1f77b4; padding-bottom: 4px; margin-top: 40px; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
        dl.meta dt { font-weight: 600; }
        dl.meta dd { margin: 0; overflow-wrap: anywhere; }
        nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; list-style: none; }
        .fed-by { color: #555; margin-top: 0; }
        ul.notes { background: #fff8e1; border-left: 4px solid #f9a825; padding: 8px 8px 8px 28px; }
        .no-previous { background: #eceff1; border-left: 4px solid #607d8b; padding: 8px 12px; }
        figure { margin: 16px 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
        .no-data { border: 2px dashed #bbb; color: #555; padding: 40px 16px; text-align: center; margin: 16px 0; }
        table { border-collapse: collapse; margin: 16px 0; width: 100%; font-size: 14px; }
        caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
        th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.missing { color: #777; font-style: italic; }
        td.total, td.total ~ td { font-weight: 700; border-top: 2px solid #999; }
        tr.skipped td, tr.failed td { background: #fff3e0; }
        code { font-size: 90%; }
        """;
}
