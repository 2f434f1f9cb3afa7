namespace FlowLogAthena.Reports.Sections;

/// <summary>How a compared value is shown: whole numbers (bytes, records) or dollars.</summary>
public enum Measure
{
    Count,
    Usd,
}

/// <summary>
/// A label with this week's value and the previous week's: null when the previous week has no value for it
/// (<see cref="MissingPrevious"/> says why, e.g. "not in the previous top 10").
/// </summary>
public sealed record Comparison(string Label, decimal Current, decimal? Previous, string? MissingPrevious = null)
{
    /// <summary>The header and cells of a this-week / previous-week / change table; without a previous week only this week's column.</summary>
    public static IReadOnlyList<string> Headers(string label, string measure, bool withPrevious) => withPrevious
        ? [label, $"{measure}, this week", $"{measure}, previous week", "change"]
        : [label, $"{measure}, this week"];

    public IReadOnlyList<Cell> Cells(Measure measure, bool withPrevious, string? rowClass = null)
    {
        var cells = new List<Cell> { new(Label, Class: rowClass), Number(Current, measure) };
        if (!withPrevious) return cells;
        if (Previous is { } previous)
        {
            cells.Add(Number(previous, measure));
            cells.Add(new Cell(NumberText.Change(Current, previous), Numeric: true));
        }
        else
        {
            cells.Add(new Cell(MissingPrevious ?? "no data", Class: "missing"));
            cells.Add(new Cell("", Numeric: true));
        }
        return cells;
    }

    public static Cell Number(decimal value, Measure measure) =>
        new(measure == Measure.Usd ? NumberText.Usd(value) : NumberText.Integer(value), NumberText.Raw(value), Numeric: true);
}
