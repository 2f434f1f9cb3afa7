using System.Text.Json.Nodes;

namespace FlowLogAthena.Cli.Tests;

/// <summary>
/// A run manifest without its timestamps (every field ending in <c>Utc</c>, at any depth): what must be identical
/// between two runs of a job over the same data and window. Also compiled into the integration tests.
/// </summary>
public static class ManifestTimestamps
{
    public static string Without(string manifest)
    {
        var node = JsonNode.Parse(manifest)!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(p => p.Key).Where(k => k.EndsWith("Utc", StringComparison.Ordinal)).ToList()) o.Remove(key);
            foreach (var (_, child) in o) Strip(child);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) Strip(child);
        }
    }
}
