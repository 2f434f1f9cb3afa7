using System.IO.Compression;
using System.Text;

namespace FlowLogAthena.Testing;

/// <summary>Text gzipped as AWS delivers a flow log file (UTF-8), for files and objects a test writes by hand.</summary>
public static class GzipText
{
    public static byte[] Of(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    /// <summary>A flow log file's text: the header line, then one record per line.</summary>
    public static byte[] FlowLog(string header, params string[] lines) => Of(header + "\n" + string.Join("\n", lines) + "\n");
}
