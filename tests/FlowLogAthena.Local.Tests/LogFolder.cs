using System.IO.Compression;
using System.Text;

namespace FlowLogAthena.Local.Tests;

/// <summary>A temporary folder with hand-written flow log files in AWS's layout.</summary>
public sealed class LogFolder : IDisposable
{
    public LogFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes a gzip text file: header line then records, at a path relative to the root.</summary>
    public string WriteGzip(string relative, string header, params string[] lines)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var file = File.Create(full);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var text = header + "\n" + string.Join("\n", lines) + "\n";
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return full;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
