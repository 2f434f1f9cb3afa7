using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Compaction;

/// <summary>What <c>compact</c> (or a job's <c>compact:</c>) asks for: which text table, where its twin goes, which days, by which engine.</summary>
public sealed record CompactionRequest
{
    /// <summary>
    /// The text table (database, table), how Athena runs, and the bucket owner and KMS key every S3 write names: used by
    /// both engines, as the text source is read from Glue.
    /// </summary>
    public required AthenaEngineOptions Athena { get; init; }

    /// <summary>The twin's <c>s3://</c> prefix.</summary>
    public required string TwinRoot { get; init; }

    /// <summary>The twin's Glue table; <see cref="DefaultTwinTable"/> of the text table when null.</summary>
    public string? TwinTable { get; init; }

    public required TimeWindow Window { get; init; }

    /// <summary>Write the Parquet by the local engine (uploaded) instead of Athena's UNLOAD.</summary>
    public bool Local { get; init; }

    public LocalEngineSettings LocalSettings { get; init; } = new();

    /// <summary>Compact days whose marker says they are up to date, too.</summary>
    public bool Force { get; init; }

    /// <summary>Compact only this flow log's objects, where the text table reads a prefix several deliver to; null: the table's own choice.</summary>
    public string? FlowLogId { get; init; }

    public static string DefaultTwinTable(string textTable) => textTable + "_parquet";
}
