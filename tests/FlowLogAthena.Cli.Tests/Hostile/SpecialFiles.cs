using System.Diagnostics;

namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>Real things that are not regular files, made in a test folder: FIFOs, links to devices, link loops.</summary>
internal static class SpecialFiles
{
    public static string Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    public static string Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>Two links pointing at each other; returns one of them.</summary>
    public static string LinkLoop(string path)
    {
        Link(path, path + ".other");
        Link(path + ".other", path);
        return path;
    }

    public static bool IsFifo(string path) => Core.Files.PathKinds.Of(path) == Core.Files.PathKind.Fifo;
}
