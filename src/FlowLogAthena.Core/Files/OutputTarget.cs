using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Files;

/// <summary>
/// The one check every output path goes through before any work starts, and again as a file is put in place:
/// a file output may replace only a regular file (or a link, which the rename replaces, leaving its target alone),
/// never a device, FIFO, socket, folder or a link to one; a folder output must be a folder or not exist yet. Each
/// refusal is an <see cref="OutputTargetException"/> naming the option, the path and what is there.
/// </summary>
public static class OutputTarget
{
    /// <summary>Refuses <paramref name="path"/> as a file to write (<paramref name="what"/> names the option, e.g. "--out").</summary>
    public static string CheckFile(string? path, string what)
    {
        var full = FullPath(path, what);
        if (full.EndsWith(Path.DirectorySeparatorChar) || full.EndsWith(Path.AltDirectorySeparatorChar))
            throw new OutputTargetException(full, $"{what} '{path}' ends with '/': it names a folder, and a file is written there.");
        var kind = PathKinds.Of(full);
        if (kind is not (PathKind.Missing or PathKind.RegularFile))
            throw new OutputTargetException(full, $"{what} '{path}' is {Describe(full, kind)}; only a regular file is ever replaced. Name a file path.");
        CheckParents(Path.GetDirectoryName(full)!, path!, what);
        return full;
    }

    /// <summary>Refuses <paramref name="path"/> as a folder to write into: it must be a folder (or a link to one) or not exist.</summary>
    public static string CheckFolder(string? path, string what)
    {
        var full = FullPath(path, what);
        CheckParents(full, path!, what);
        return full;
    }

    /// <summary>Refuses a folder output and every file a run will write in it (relative paths), before the run starts.</summary>
    public static void CheckFolderFiles(string? folder, IEnumerable<string> relativeFiles, string what)
    {
        var full = CheckFolder(folder, what);
        foreach (var file in relativeFiles) CheckFile(Path.Combine(full, file), "output");
    }

    private static string FullPath(string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new OutputTargetException(path ?? "", $"{what} is empty: give a path.");
        if (path.Contains('\0', StringComparison.Ordinal))
            throw new OutputTargetException(path, $"{what} '{path.Replace('\0', '?')}' holds a NUL character.");
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputTargetException(path, $"{what} '{path}' is not a usable path: {e.Message}", e);
        }
    }

    // Every existing ancestor must be a folder: 'report.csv/x.csv' under a file, or a FIFO as a folder, cannot work.
    private static void CheckParents(string folder, string given, string what)
    {
        for (var current = folder; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var kind = PathKinds.Of(current);
            if (kind == PathKind.Missing) continue;
            if (kind == PathKind.Directory) return;
            throw new OutputTargetException(current, $"{what} '{given}' needs '{current}' to be a folder, but it is {Describe(current, kind)}.");
        }
    }

    private static string Describe(string path, PathKind kind) =>
        kind != PathKind.LinkLoop && PathKinds.IsLink(path) ? "a symbolic link to " + PathKinds.Describe(kind) : PathKinds.Describe(kind);
}
