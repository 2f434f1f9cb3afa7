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
}
