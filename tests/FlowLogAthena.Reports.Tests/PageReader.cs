using System.Net;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Reports.Tests;

/// <summary>Reads the report's tables back from its HTML: each cell's text (unescaped) and exact data-value.</summary>
public static partial class PageReader
{
    public sealed record PageCell(string Text, string? Value);

    public static IReadOnlyList<string> Headers(string html, string tableId) =>
        HeaderCell().Matches(Table(html, tableId)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static IReadOnlyList<IReadOnlyList<PageCell>> Rows(string html, string tableId)
    {
        var body = Table(html, tableId);
        body = body[body.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return RowPattern().Matches(body).Select(row => (IReadOnlyList<PageCell>)DataCell().Matches(row.Groups[1].Value)
            .Select(c => new PageCell(WebUtility.HtmlDecode(c.Groups[3].Value), c.Groups[2].Success ? WebUtility.HtmlDecode(c.Groups[2].Value) : null)).ToList()).ToList();
    }

    /// <summary>The row whose first cell reads <paramref name="label"/>.</summary>
    public static IReadOnlyList<PageCell> Row(string html, string tableId, string label) =>
        Rows(html, tableId).Single(r => r[0].Text == label);

    public static string Table(string html, string tableId)
    {
        var start = html.IndexOf($"<table id=\"{tableId}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no table '{tableId}'.");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<th>(.*?)</th>")]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td( class=\"[^\"]*\")?(?: data-value=\"([^\"]*)\")?>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DataCell();
}
