namespace FlowLogAthena.Core.Queries;

/// <summary>
/// How a report may chart a query's result. <see cref="X"/> holds one or more output columns (several are joined
/// into one category label, e.g. a source/destination pair); <see cref="Y"/> holds the plotted value columns.
/// </summary>
public sealed record QueryChartHint(string Type, IReadOnlyList<string> X, IReadOnlyList<string> Y, string? Title)
{
    /// <summary>The chart kinds a hint may ask for.</summary>
    public static IReadOnlyList<string> Types { get; } = ["bar", "line", "area", "pie", "scatter"];
}
