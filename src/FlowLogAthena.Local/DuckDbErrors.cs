using System.IO.Compression;
using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local;

/// <summary>
/// Turns DuckDB's errors into the product's typed errors, naming the file (and line) that was wrong.
/// DuckDB does not always say which gzip member failed, so a decompression error is pinned to its file
/// by checking the files one by one (only after a failure, never on the fast path).
/// </summary>
internal static partial class DuckDbErrors
{
    public static async Task<Exception> TranslateAsync(Exception error, RenderedQuery query, IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        var message = FirstLine(error.Message);
        var named = files.FirstOrDefault(f => error.Message.Contains(f.Path, StringComparison.Ordinal));
        if (named is not null)
        {
            var line = LinePattern().Match(error.Message);
            var where = line.Success ? $"{named.Path}, line {line.Groups[1].Value}" : named.Path;
            return new SourceException($"Cannot read flow log file {where}: {message}", error);
        }

        if (LooksLikeDecompressionError(error.Message))
        {
            var corrupt = await FindCorruptGzipAsync(files, cancellationToken).ConfigureAwait(false);
            if (corrupt is not null)
                return new SourceException($"Flow log file '{corrupt.Value.Path}' is not a valid gzip file: {corrupt.Value.Reason}", error);
        }

        return new QueryExecutionException($"DuckDB failed to run query '{query.QueryId}': {message}", error);
    }

    private static bool LooksLikeDecompressionError(string message) =>
        message.Contains("gzip", StringComparison.OrdinalIgnoreCase)
        || message.Contains("decompress", StringComparison.OrdinalIgnoreCase)
        || message.Contains("compress", StringComparison.OrdinalIgnoreCase)
        || message.Contains("zlib", StringComparison.OrdinalIgnoreCase);

    private static async Task<(string Path, string Reason)?> FindCorruptGzipAsync(IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        foreach (var file in files.Where(f => f.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                await using var stream = File.OpenRead(file.Path);
                await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
                while (await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
            {
                return (file.Path, e.Message);
            }
        }
        return null;
    }

    private static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
    }

    [GeneratedRegex(@"line (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LinePattern();
}
