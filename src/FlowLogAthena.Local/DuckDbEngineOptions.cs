namespace FlowLogAthena.Local;

/// <summary>Settings of the embedded DuckDB engine (bound from configuration or CLI options).</summary>
public sealed class DuckDbEngineOptions
{
    /// <summary>Name of the temporary view queries read; the renderer's table reference.</summary>
    public string ViewName { get; set; } = "flow_logs";

    /// <summary>DuckDB worker threads; null lets DuckDB use every core.</summary>
    public int? Threads { get; set; }

    /// <summary>DuckDB memory limit such as <c>4GB</c>; null keeps DuckDB's default (80% of RAM).</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// The columnar store folder (see <see cref="Store.ColumnarStore"/>); null reads the text logs every time. Text
    /// sources only: Parquet sources are columnar already and are read in place.
    /// </summary>
    public string? StoreFolder { get; set; }

    /// <summary>
    /// AWS's address ranges for queries to classify addresses with (<c>aws_ip_ranges</c>); null offers none. Read only when
    /// a query reads the table, so a run that does not pays nothing for them.
    /// </summary>
    public Lazy<Core.IpRanges.AwsAddressIndex>? IpRanges { get; set; }

    /// <summary>The folder of the interface inventory snapshot queries join (<c>interface_inventory</c>); null offers none.</summary>
    public string? InventorySnapshot { get; set; }

    /// <summary>One-line notes for the user (what the store converted and reused).</summary>
    public Action<string>? Note { get; set; }

    /// <summary>
    /// Load the window's rows into DuckDB's memory once and run every query of this engine against them, for
    /// pack runs: the gzip text is parsed once instead of once per query. Off for single queries, where the
    /// extra copy would only cost time. Not used with a store, whose Parquet each query reads directly.
    /// </summary>
    public bool MaterializeWindow { get; set; }
}
