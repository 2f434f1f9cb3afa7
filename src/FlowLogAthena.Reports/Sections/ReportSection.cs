namespace FlowLogAthena.Reports.Sections;

/// <summary>One part of the page: what it shows, which queries fed it, its charts and tables, and notes such as
/// "no previous week". Built from query results by a section builder; the HTML writer only lays it out.</summary>
public sealed record ReportSection(
    string Id,
    string Title,
    string FedBy,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ReportChart> Charts,
    IReadOnlyList<TableView> Tables);

/// <summary>A chart as an embedded PNG, or, when there is nothing to draw, the reason instead of an image.</summary>
public sealed record ReportChart(string Title, string? PngDataUri, string? NoDataReason)
{
    public static ReportChart NoData(string title, string reason) => new(title, null, reason);
}

/// <summary>A table of the page. <see cref="Cell.Value"/> is the exact invariant number behind a formatted cell.</summary>
public sealed record TableView(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows);

public sealed record Cell(string Text, string? Value = null, bool Numeric = false, string? Class = null)
{
    public static Cell Label(string text) => new(text);
}
