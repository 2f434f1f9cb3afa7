using System.Text.Json;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>
/// The copy of AWS's ranges <c>ranges update</c> keeps (<c>~/.cache/flowlog-athena/ip-ranges/ip-ranges.json</c>), with a
/// note of its ETag and publication time beside it for the next conditional request. Queries read this copy by default;
/// nothing fetches at query time. Both files are written whole (temporary name, then rename), the ranges first.
/// </summary>
public sealed class AwsIpRangesCache(string folder)
{
    public const string FileName = "ip-ranges.json";

    private const string NoteName = "ip-ranges.note.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string DefaultFolder => CacheFolder.Of("ip-ranges");

    public string Folder { get; } = Path.GetFullPath(folder);

    public string RangesPath => Path.Combine(Folder, FileName);

    private string NotePath => Path.Combine(Folder, NoteName);

    /// <summary>What the last update recorded: the ETag AWS sent, the copy's syncToken and when it was fetched.</summary>
    public sealed record Note(string? ETag, long SyncToken, string CreateDate, DateTimeOffset FetchedAt, string Url);

    /// <summary>The cached copy's path when there is one.</summary>
    public string? Existing => File.Exists(RangesPath) ? RangesPath : null;

    public Note? ReadNote()
    {
        try
        {
            return File.Exists(NotePath) ? JsonSerializer.Deserialize<Note>(File.ReadAllText(NotePath)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged note only costs one unconditional download.
            return null;
        }
    }

    /// <summary>Stores a new copy (already parsed and checked) and its note.</summary>
    public async Task StoreAsync(string json, Note note, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await AtomicFile.WriteAsync(RangesPath, async (stream, token) =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            await writer.WriteAsync(json.AsMemory(), token).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
        await WriteNoteAsync(note, cancellationToken).ConfigureAwait(false);
    }

    public Task WriteNoteAsync(Note note, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(NotePath, async (stream, token) =>
        {
            await JsonSerializer.SerializeAsync(stream, note, Indented, token).ConfigureAwait(false);
            return 0;
        }, cancellationToken);
}
