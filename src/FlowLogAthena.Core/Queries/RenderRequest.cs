using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries;

/// <summary>Everything a query needs to become SQL for one run.</summary>
public sealed record RenderRequest
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    public required SqlDialect Dialect { get; init; }

    /// <summary>The table the query reads, already quoted for the dialect (e.g. an engine's <c>TableReference</c>).</summary>
    public required string TableReference { get; init; }

    public required TimeWindow Window { get; init; }

    /// <summary>The source's log format; queries whose <c>requires_fields</c> it lacks are refused.</summary>
    public FlowLogFormat Format { get; init; } = FlowLogFormat.Default;

    /// <summary>Daily or hourly partitions: shapes the Athena partition predicate.</summary>
    public Partitioning Partitioning { get; init; } = Partitioning.Daily;

    /// <summary>Default or Hive prefixes: shapes the Athena day values (<c>2026/11/02</c> or <c>year=2026/month=11/day=02</c>).</summary>
    public PrefixStyle Prefix { get; init; } = PrefixStyle.Default;

    /// <summary>The one flow log to read when several deliver to the source's prefix (its id, fl-…); null reads them all.</summary>
    public string? FlowLogId { get; init; }

    /// <summary>The tables the engine offers beside the flow log table (AWS's address ranges, …).</summary>
    public ReferenceTables References { get; init; } = ReferenceTables.None;

    /// <summary>Raw <c>name=value</c> parameters as the user gave them; validated during rendering.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = NoParameters;

    /// <summary>A request for a source: its format and partitioning come from the source.</summary>
    public static RenderRequest For(FlowLogSource source, SqlDialect dialect, string tableReference, TimeWindow window,
        IReadOnlyDictionary<string, string>? parameters = null, ReferenceTables? references = null) => new()
        {
            Dialect = dialect,
            TableReference = tableReference,
            Window = window,
            Format = source.Format,
            Partitioning = source.Layout.Partitioning,
            Prefix = source.Layout.Prefix,
            FlowLogId = source.FlowLogId,
            Parameters = parameters ?? NoParameters,
            References = references ?? ReferenceTables.None,
        };
}
