using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Running;

/// <summary>
/// What an export holds and how it was made, written as <c>&lt;export&gt;.manifest.json</c> beside it so an
/// auditor can tell which query, window, parameters and engine produced which bytes.
/// </summary>
public sealed record ExportManifest
{
    public required string Query { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required string WindowFrom { get; init; }
    public required string WindowTo { get; init; }
    public required string Source { get; init; }
    public required string Engine { get; init; }
    public string? ExecutionId { get; init; }
    public required long Rows { get; init; }
    public long BytesScanned { get; init; }
    public double EngineSeconds { get; init; }
    public decimal? CostUsd { get; init; }
    public required string Output { get; init; }
    public required string OutputFormat { get; init; }
    /// <summary>SHA-256 of the bytes written; null for a server-side copy, whose bytes never passed through here.</summary>
    public string? Sha256 { get; init; }
    public long? OutputBytes { get; init; }

    /// <summary>The engine's own result object this export was copied from, server-side.</summary>
    public string? CopiedFrom { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public string Tool { get; init; } = "flowlog-athena " + typeof(ExportManifest).Assembly.GetName().Version?.ToString(3);

    public static ExportManifest For(QueryRunOutcome outcome, FlowLogSource source, string engine, string output, string outputFormat, string? sha256, long? outputBytes, DateTime createdUtc) => new()
    {
        Query = outcome.Rendered.QueryId,
        Parameters = outcome.Rendered.Parameters,
        WindowFrom = TimeWindow.Format(outcome.Rendered.Window.From),
        WindowTo = TimeWindow.Format(outcome.Rendered.Window.To),
        Source = source.Root,
        Engine = engine,
        ExecutionId = outcome.Stats.ExecutionId,
        Rows = outcome.RowsWritten,
        BytesScanned = outcome.Stats.BytesScanned,
        EngineSeconds = Math.Round(outcome.Stats.EngineTime.TotalSeconds, 3),
        CostUsd = outcome.Stats.CostUsd,
        Output = output,
        OutputFormat = outputFormat,
        Sha256 = sha256,
        OutputBytes = outputBytes,
        CreatedUtc = createdUtc,
    };

    public string ToJson() => ManifestFile.ToJson(this);
}
