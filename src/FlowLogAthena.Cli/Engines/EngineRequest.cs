using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Engines;

/// <summary>
/// Which engine to open over which source: what <c>run</c>, <c>report weekly</c> and job runs each build from their
/// options or job file, and <see cref="EngineOpener"/> turns into an engine.
/// </summary>
public sealed record EngineRequest
{
    /// <summary>Athena's settings; null for the local engine.</summary>
    public AthenaEngineOptions? Athena { get; init; }

    /// <summary>Where the records are: required for the local engine; for Athena, null reads it from the Glue table.</summary>
    public FlowLogSource? Source { get; init; }

    /// <summary>The one flow log to read (also when Athena reads the source from the Glue table); null for all.</summary>
    public string? FlowLogId { get; init; }

    /// <summary>Whether the source's format was given; if not, the local engine reads it from a text file's header.</summary>
    public bool FormatGiven { get; init; }

    /// <summary>Local engine: threads, S3 cache, columnar store and memory limit.</summary>
    public LocalEngineSettings Local { get; init; } = new();

    /// <summary>The account that must own the buckets read (the S3 source of the local engine).</summary>
    public string? ExpectedBucketOwner { get; init; }

    /// <summary>Local engine: parse the window once into memory, for several queries over it.</summary>
    public bool MaterializeWindow { get; init; }
}
