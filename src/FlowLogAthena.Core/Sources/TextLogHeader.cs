using System.IO.Compression;
using System.Text;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// The header line AWS writes at the top of every text log file: the format's field names, space-separated.
/// Reading it costs one small gzip block, and it catches the most common mistake — a <c>--format</c> that is
/// not the flow log's — before a query silently reads columns under the wrong names.
/// </summary>
public static class TextLogHeader
{
    /// <summary>The field names of a file's header line, normalised to AWS names; null when the file is empty.</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        return await ReadAsync(file, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The header of a gzip text log read from a stream (which may hold only the object's first bytes).</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(Stream compressed, string name, CancellationToken cancellationToken)
    {
        try
        {
            await using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalise).ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new SourceException($"Flow log file '{name}' is not a valid gzip file: {e.Message}", e);
        }
    }

    /// <summary>The format a header names, or null when some token is not a known field (then it proves nothing).</summary>
    public static FlowLogFormat? FormatOf(IReadOnlyList<string> header) =>
        header.Count > 0 && header.All(name => FieldCatalog.TryGet(name, out _))
            ? FlowLogFormat.Parse(string.Join(' ', header.Select(name => "${" + name + "}")))
            : null;

    /// <summary>The format named by the header of the first text file, or null when it names none.</summary>
    public static async Task<FlowLogFormat?> DetectAsync(IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0) return null;
        var header = await ReadAsync(files[0].Path, cancellationToken).ConfigureAwait(false);
        return header is null ? null : FormatOf(header);
    }

    /// <summary>Checks the first file of every account and region against the format.</summary>
    /// <exception cref="FlowLogFormatException">Names the file, its header and the format given.</exception>
    public static async Task VerifyAsync(FlowLogFormat format, IEnumerable<LogFile> files, CancellationToken cancellationToken)
    {
        foreach (var first in files.GroupBy(f => (f.Account, f.Region)).Select(g => g.First()))
        {
            var header = await ReadAsync(first.Path, cancellationToken).ConfigureAwait(false);
            if (header is null || FormatOf(header) is not { } named) continue;
            if (named.FormatString == format.FormatString) continue;
            throw new FlowLogFormatException(
                $"The header of '{first.Path}' lists the fields \"{string.Join(' ', header)}\", but the format given is \"{format.FormatString}\". "
                + $"Pass the flow log's own format: --format \"{named.FormatString}\" (or omit --format to use the files' header).");
        }
    }

    private static string Normalise(string token) => token.Trim().Replace('_', '-').ToLowerInvariant();
}
