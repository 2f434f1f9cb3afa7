namespace FlowLogAthena.Core.Engines;

/// <summary>Which engine runs the queries: the embedded DuckDB engine or Amazon Athena. One name for the CLI, jobs and manifests.</summary>
public enum EngineKind
{
    /// <summary>Embedded DuckDB on this machine (<c>local</c>; <c>duckdb</c> is accepted as a synonym).</summary>
    Local,

    /// <summary>Amazon Athena over a Glue table.</summary>
    Athena,
}

public static class EngineKinds
{
    /// <summary>As the CLI, job files and manifests spell it: <c>local</c> or <c>athena</c>.</summary>
    public static string ToText(this EngineKind kind) => kind == EngineKind.Athena ? "athena" : "local";

    public static bool TryParse(string? text, out EngineKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "local" or "duckdb":
                kind = EngineKind.Local;
                return true;
            case "athena":
                kind = EngineKind.Athena;
                return true;
            default:
                kind = EngineKind.Local;
                return false;
        }
    }
}
