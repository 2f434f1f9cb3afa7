using FlowLogAthena.Local;

namespace FlowLogAthena.Cli.Engines;

/// <summary>How the local engine runs, as its options or a job executor give it.</summary>
public sealed record LocalEngineSettings
{
    /// <summary>
    /// 1 GB, or a quarter of the memory this process may use (the machine's, or its container's limit) when that is
    /// less (at least 256 MB). Reading the store, nothing needs more: measured, a pack run over a week of 12 M
    /// all-field records is as fast with 1 GB as with 6 GB, and its peak memory stays flat as the window grows
    /// (docs/BENCHMARKS-week.md), where DuckDB would otherwise fill whatever it is allowed with cached Parquet.
    /// </summary>
    public static string DefaultMemoryLimit { get; } =
        $"{Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / (1024 * 1024), 256, 1024)}MB";

    /// <summary>DuckDB threads; every core when null.</summary>
    public int? Threads { get; init; }

    /// <summary>Where S3 objects the local engine reads are cached; ~/.cache/flowlog-athena/s3 when null.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>The columnar store's folder; null reads the text logs every time.</summary>
    public string? StoreFolder { get; init; }

    /// <summary>DuckDB's memory limit, e.g. 2GB.</summary>
    public string MemoryLimit { get; init; } = DefaultMemoryLimit;

    /// <summary>AWS's address ranges file queries classify addresses with; null uses the copy <c>ranges update</c> keeps, when there is one.</summary>
    public string? IpRangesFile { get; init; }

    /// <summary>Offer no address ranges, even when the cache has a copy.</summary>
    public bool IpRangesOff { get; init; }

    /// <summary>The ranges file this run reads: the one given, else the cached copy if any; null for none.</summary>
    public string? IpRangesPath => IpRangesOff ? null : IpRangesFile ?? new Core.IpRanges.AwsIpRangesCache(Core.IpRanges.AwsIpRangesCache.DefaultFolder).Existing;

    /// <summary>The folder of inventory snapshots; null uses <c>~/.cache/flowlog-athena/inventory</c>.</summary>
    public string? InventoryFolder { get; init; }

    /// <summary>Offer no interface inventory, on either engine.</summary>
    public bool InventoryOff { get; init; }

    /// <summary>The latest snapshot folder this run joins, or null for none.</summary>
    public string? InventorySnapshotPath =>
        InventoryOff ? null : Core.Inventory.InventorySnapshot.LocalSnapshots(InventoryFolder ?? Core.Inventory.InventorySnapshot.DefaultRoot) is { Count: > 0 } all ? all[^1] : null;

    /// <summary>The engine's options for these settings; the address ranges and the inventory snapshot are the caller's to give.</summary>
    public DuckDbEngineOptions EngineOptions(bool materializeWindow, Action<string>? note = null, Lazy<Core.IpRanges.AwsAddressIndex>? ipRanges = null,
        string? inventorySnapshot = null) => new()
        {
            IpRanges = ipRanges,
            InventorySnapshot = inventorySnapshot,
            Note = note,
            Threads = Threads,
            MemoryLimit = MemoryLimit,
            StoreFolder = StoreFolder,
            MaterializeWindow = materializeWindow,
        };
}
