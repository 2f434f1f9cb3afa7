using System.Globalization;
using System.Text;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Reports.Sections;

namespace FlowLogAthena.Reports.Html;

/// <summary>
/// Writes the report as one self-contained HTML file: inline CSS, charts as data: URIs, no script, and a Content
/// Security Policy that lets the browser load nothing else. Every value from the data is HTML-escaped.
/// </summary>
public static class ReportHtmlWriter
{
    public static Task WriteAsync(string path, ReportPage page, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(Render(page));
            await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            return bytes.Length;
        }, cancellationToken);

    public static string Render(ReportPage page)
    {
        var weeks = page.Results.Weeks;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"Flow log weekly report {weeks.This}")).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("\n</style>\n</head>\n<body>\n");
        Header(html, page);
        foreach (var section in page.Sections) Section(html, section);
        Queries(html, page);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, ReportPage page)
    {
        var weeks = page.Results.Weeks;
        html.Append("<header>\n<h1>Weekly flow log report</h1>\n<dl class=\"meta\">\n");
        Meta(html, "This week", weeks.This.ToString(), "this-week");
        Meta(html, "Previous week", weeks.Previous.ToString(), "previous-week");
        Meta(html, "Source", page.Source.Root, null);
        Meta(html, "Layout", page.Source.Layout.ToString(), null);
        Meta(html, "Format", page.Source.Format.ToString(), null);
        Meta(html, "Engine", page.Engine.ToText(), null);
        html.Append("</dl>\n");
        if (!page.Results.PreviousWeekHasData)
            html.Append("<p class=\"no-previous\" id=\"no-previous-week\">").Append(E(page.Results.NoPreviousWeekNote)).Append("</p>\n");
        var notRun = page.Results.Outcomes.Where(o => o.Status is QueryStatus.Skipped or QueryStatus.Failed)
            .GroupBy(o => (o.Spec.QualifiedId, o.Status, o.Reason)).Select(g => g.Key).ToList();
        if (notRun.Count > 0)
        {
            html.Append("<ul class=\"notes\" id=\"not-run\">\n");
            foreach (var (id, status, reason) in notRun)
                html.Append("<li><code>").Append(E(id)).Append("</code> ").Append(E(status.ToText())).Append(": ").Append(E(reason)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("<nav><ul>\n");
        foreach (var section in page.Sections)
            html.Append("<li><a href=\"#").Append(E(section.Id)).Append("\">").Append(E(section.Title)).Append("</a></li>\n");
        html.Append("<li><a href=\"#queries\">Queries run</a></li>\n</ul></nav>\n</header>\n");
    }

    private static void Meta(StringBuilder html, string name, string value, string? id) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd").Append(id is null ? "" : $" id=\"{E(id)}\"").Append('>').Append(E(value)).Append("</dd>\n");

    private static void Section(StringBuilder html, ReportSection section)
    {
        html.Append("<section id=\"").Append(E(section.Id)).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n")
            .Append("<p class=\"fed-by\">From <code>").Append(E(section.FedBy)).Append("</code></p>\n");
        if (section.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in section.Notes) html.Append("<li>").Append(E(note)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        foreach (var chart in section.Charts) Chart(html, chart);
        foreach (var table in section.Tables) Table(html, table);
        html.Append("</section>\n");
    }

    private static void Chart(StringBuilder html, ReportChart chart)
    {
        if (chart.PngDataUri is null)
        {
            html.Append("<div class=\"no-data chart\" role=\"img\" aria-label=\"").Append(E(chart.Title + ": no data")).Append("\"><strong>")
                .Append(E(chart.Title)).Append(": no data.</strong><br>").Append(E(chart.NoDataReason)).Append("</div>\n");
            return;
        }
        html.Append("<figure class=\"chart\"><img src=\"").Append(chart.PngDataUri).Append("\" alt=\"").Append(E(chart.Title)).Append("\">")
            .Append("<figcaption>").Append(E(chart.Title)).Append("</figcaption></figure>\n");
    }

    private static void Table(StringBuilder html, TableView table)
    {
        html.Append("<table id=\"").Append(E(table.Id)).Append("\">\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in table.Headers) html.Append("<th>").Append(E(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var classes = string.Join(' ', new[] { cell.Numeric ? "num" : null, cell.Class }.Where(c => c is not null));
                html.Append("<td");
                if (classes.Length > 0) html.Append(" class=\"").Append(E(classes)).Append('"');
                if (cell.Value is not null) html.Append(" data-value=\"").Append(E(cell.Value)).Append('"');
                html.Append('>').Append(E(cell.Text)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Queries(StringBuilder html, ReportPage page)
    {
        html.Append("<section id=\"queries\">\n<h2>Queries run</h2>\n<p class=\"fed-by\">Every result is a CSV beside this page; <code>summary.csv</code> lists them.</p>\n")
            .Append("<table id=\"queries-table\">\n<thead><tr><th>week</th><th>query</th><th>window</th><th>status</th><th class=\"num\">rows</th><th>CSV or reason</th></tr></thead>\n<tbody>\n");
        foreach (var o in page.Results.Outcomes)
        {
            html.Append("<tr class=\"").Append(E(o.Status.ToText())).Append("\"><td>").Append(o.Week == ReportWeek.This ? "this" : "previous").Append("</td><td><code>")
                .Append(E(o.Spec.QualifiedId)).Append("</code></td><td>").Append(E(o.Window.ToString())).Append("</td><td>").Append(E(o.Status.ToText()))
                .Append("</td><td class=\"num\">").Append(o.Table.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
            if (o.File is not null)
            {
                var link = o.File.Replace(Path.DirectorySeparatorChar, '/');
                html.Append("<a href=\"").Append(E(link)).Append("\">").Append(E(link)).Append("</a>");
            }
            else
            {
                html.Append(E(o.Reason));
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string E(string? text) => HtmlText.Escape(text);
}
