namespace FlowLogAthena.Core.Files;

/// <summary>The user's cache for this tool: <c>$XDG_CACHE_HOME/flowlog-athena</c>, else <c>~/.cache/flowlog-athena</c>.</summary>
public static class CacheFolder
{
    public static string Root => Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "flowlog-athena");

    /// <summary>A folder of the cache, e.g. <c>store</c> or <c>s3</c>.</summary>
    public static string Of(string name) => Path.Combine(Root, name);
}
