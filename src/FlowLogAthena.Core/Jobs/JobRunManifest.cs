using System.Text.Json;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Running;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// What one run of a job did, written as JSON at the plan's manifest location after every output: each query's
/// state, execution id, bytes scanned, cost, rows and the outputs it wrote with their SHA-256. Only the fields
/// ending in <c>Utc</c> differ between two runs of the same job over the same data and window (DuckDB has no
/// execution id; Athena's differ by nature).
/// </summary>
public sealed record JobRunManifest
{
    public required string Job { get; init; }
    public required string JobFile { get; init; }
    public required JobRunState State { get; init; }
    public string? Error { get; init; }

    /// <summary>The instant the run is for (<c>--at</c> or the scheduled occurrence); it decides the window.</summary>
    public required DateTime RunAtUtc { get; init; }
    public required DateTime StartedUtc { get; init; }
    public required DateTime FinishedUtc { get; init; }
    public required string Engine { get; init; }
    public required string Source { get; init; }
    public required JobRunWindow Window { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required IReadOnlyList<JobQueryRecord> Queries { get; init; }
    public required JobRunTotals Totals { get; init; }

    /// <summary>For a report job: the report's own files (the page, its summary) in each output folder.</summary>
    public JobReportRecord? Report { get; init; }

    /// <summary>For a compaction job: the twin, its table and what became of each day of the window.</summary>
    public JobCompactionRecord? Compaction { get; init; }
    public string Tool { get; init; } = "flowlog-athena " + typeof(JobRunManifest).Assembly.GetName().Version?.ToString(3);

    public string ToJson() => ManifestFile.ToJson(this);

    public static JobRunManifest FromJson(string json) => ManifestFile.FromJson<JobRunManifest>(json)
        ?? throw new JsonException("The manifest is empty.");
}

/// <summary>The run's window in UTC, with the relative name and time zone it was resolved from.</summary>
public sealed record JobRunWindow(string From, string To, string? Relative, string TimeZone);

/// <summary>Sums over the queries that ran.</summary>
public sealed record JobRunTotals(int Succeeded, int Failed, int Skipped, long Rows, long BytesScanned, decimal? CostUsd);

/// <summary>One query of a run.</summary>
public sealed record JobQueryRecord
{
    /// <summary>pack/id.</summary>
    public required string Query { get; init; }

    /// <summary>ok, failed, skipped, no-data or cancelled (<see cref="QueryStatus"/>).</summary>
    public required QueryStatus State { get; init; }

    /// <summary>For a compliance control that ran: pass (no evidence rows) or fail.</summary>
    public QueryStatus? Control { get; init; }

    public string? ExecutionId { get; init; }
    public long Rows { get; init; }
    public long BytesScanned { get; init; }
    public decimal? CostUsd { get; init; }
    public DateTime? StartedUtc { get; init; }
    public DateTime? FinishedUtc { get; init; }
    public IReadOnlyList<JobOutputRecord> Outputs { get; init; } = [];
    public string? Reason { get; init; }
}

/// <summary>A compaction job's twin (its s3:// prefix and Glue table) and each day's outcome.</summary>
public sealed record JobCompactionRecord(string Twin, string Table, IReadOnlyList<Compaction.TwinDayOutcome> Days);

/// <summary>A report job's report and the files it wrote besides the query CSVs.</summary>
public sealed record JobReportRecord(string Kind, IReadOnlyList<JobOutputRecord> Outputs);

/// <summary>One written output: where, in which format, and exactly which bytes.</summary>
public sealed record JobOutputRecord(string Location, string Format, string Sha256, long Bytes);
