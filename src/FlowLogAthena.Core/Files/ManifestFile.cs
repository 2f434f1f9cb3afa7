using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowLogAthena.Core.Files;

/// <summary>
/// How every manifest (a job run's, an export's) is written: indented camelCase JSON without nulls, enums in
/// kebab-case, staged in a local file and then published whole by the caller's store, never written in place.
/// </summary>
public static class ManifestFile
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The manifest's text, ending in a newline.</summary>
    public static string ToJson<T>(T manifest) => JsonSerializer.Serialize(manifest, Json) + "\n";

    public static T? FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json);

    /// <summary>Writes the manifest to a staging file and hands it to <paramref name="publish"/> (local path, token).</summary>
    public static async Task PublishAsync<T>(T manifest, Func<string, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        using var staging = StagingFolder.Create("manifest");
        var file = staging.FileNamed("manifest.json");
        await File.WriteAllTextAsync(file, ToJson(manifest), cancellationToken).ConfigureAwait(false);
        await publish(file, cancellationToken).ConfigureAwait(false);
    }
}
