
using Xunit;

namespace FlowLogAthena.Testing;

/// <summary>A unique folder under the system temp folder, deleted with its content on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flowlog-athena-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Touch(string relative, string content = "")
    {
        var full = Combine(relative.Split('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Writes a gzip text file (a flow log's header line, then its records) at a path relative to the folder.</summary>
    public string WriteGzip(string relative, string header, params string[] lines)
    {
        return WriteBytes(relative, GzipText.FlowLog(header, lines));
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var full = Combine(relative.Split('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>A real FIFO (named pipe) made with mkfifo(1), for tests of things that are not regular files.</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
