using System.Text;

namespace FlowLogAthena.Core.Files;

/// <summary>
/// Reads a small text file a user names (a job file, a query file): only a regular file (a FIFO or device would
/// block or never end), at most <see cref="MaxTextBytes"/>, valid UTF-8. Each refusal is the caller's own error
/// type, built by <c>error</c> from a reason such as "is a FIFO (named pipe), not a regular file".
/// </summary>
internal static class InputFile
{
    /// <summary>Far more than any job or query file needs, far less than would strain memory.</summary>
    public const int MaxTextBytes = 1 << 20;

    public static string ReadText(string path, Func<string, Exception> error, int maxBytes = MaxTextBytes)
    {
        var kind = PathKinds.Of(path);
        if (kind == PathKind.Missing) throw error("does not exist");
        if (kind != PathKind.RegularFile) throw error($"is {PathKinds.Describe(kind)}, not a regular file");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > maxBytes) throw error($"is {stream.Length:N0} bytes; a file here may hold at most {maxBytes:N0}");
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error($"cannot be read: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw error("is not UTF-8 text");
        }
    }
}
