using System.Runtime.InteropServices;

namespace FlowLogAthena.Core.Files;

/// <summary>What a path names on disk, after following symbolic links.</summary>
public enum PathKind
{
    Missing,
    RegularFile,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    LinkLoop,
    Unknown,
}

/// <summary>
/// Reads the file type of a path. .NET's FileSystemInfo cannot tell a FIFO, device or socket from a regular file,
/// so this asks Linux's <c>statx</c> (glibc 2.28+, one layout on every architecture) for the type bits only.
/// </summary>
public static partial class PathKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // stx_mode in struct statx
    private const int Eloop = 40;

    /// <summary>The kind of <paramref name="path"/>, links followed; <see cref="PathKind.Missing"/> when nothing (or a dangling link) is there.</summary>
    public static PathKind Of(string path) => Stat(path, followLinks: true);

    /// <summary>True when <paramref name="path"/> itself is a symbolic link (whatever it points at).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>How a message names a kind: "a FIFO (named pipe)", "a character device", …</summary>
    public static string Describe(PathKind kind) => kind switch
    {
        PathKind.Missing => "missing",
        PathKind.RegularFile => "a regular file",
        PathKind.Directory => "a folder",
        PathKind.Fifo => "a FIFO (named pipe)",
        PathKind.CharacterDevice => "a character device",
        PathKind.BlockDevice => "a block device",
        PathKind.Socket => "a socket",
        PathKind.LinkLoop => "a loop of symbolic links",
        _ => "not a regular file",
    };

    private static PathKind Stat(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux()) return Portable(path);
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            return Marshal.GetLastPInvokeError() == Eloop ? PathKind.LinkLoop : PathKind.Missing;
        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => PathKind.RegularFile,
            0x4000 => PathKind.Directory,
            0x1000 => PathKind.Fifo,
            0x2000 => PathKind.CharacterDevice,
            0x6000 => PathKind.BlockDevice,
            0xC000 => PathKind.Socket,
            _ => PathKind.Unknown,
        };
    }

    // Elsewhere only folders and files can be told apart.
    private static PathKind Portable(string path) =>
        Directory.Exists(path) ? PathKind.Directory : File.Exists(path) ? PathKind.RegularFile : PathKind.Missing;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
