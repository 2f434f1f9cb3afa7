using FlowLogAthena.Local;

namespace FlowLogAthena.Cli.Engines;

/// <summary>How the local engine runs, as its options or a job executor give it.</summary>
public sealed record LocalEngineSettings
{
    /// <summary>A quarter of the memory this process may use (the machine's, or its container's limit), at least 1 GB.</summary>
    public static string DefaultMemoryLimit { get; } =
        $"{Math.Max(1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / (1024 * 1024))}MB";

    /// <summary>DuckDB threads; every core when null.</summary>
    public int? Threads { get; init; }

    /// <summary>Where S3 objects the local engine reads are cached; ~/.cache/flowlog-athena/s3 when null.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>The columnar store's folder; null reads the text logs every time.</summary>
    public string? StoreFolder { get; init; }

    /// <summary>DuckDB's memory limit, e.g. 2GB.</summary>
    public string MemoryLimit { get; init; } = DefaultMemoryLimit;

    /// <summary>The engine's options for these settings.</summary>
    public DuckDbEngineOptions EngineOptions(bool materializeWindow, Action<string>? note = null) => new()
    {
        Note = note,
        Threads = Threads,
        MemoryLimit = MemoryLimit,
        StoreFolder = StoreFolder,
        MaterializeWindow = materializeWindow,
    };
}
