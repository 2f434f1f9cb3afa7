using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Tests.Files;

/// <summary>The one output check, on real FIFOs, devices, folders and links, and AtomicFile's use of it.</summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Path_kinds_are_read_from_the_file_system_through_links()
    {
        var fifo = TempFolder.Fifo(_temp.Combine("pipe"));
        File.CreateSymbolicLink(_temp.Combine("to-pipe"), fifo);
        File.CreateSymbolicLink(_temp.Combine("loop-a"), _temp.Combine("loop-b"));
        File.CreateSymbolicLink(_temp.Combine("loop-b"), _temp.Combine("loop-a"));

        Assert.Equal(PathKind.Fifo, PathKinds.Of(fifo));
        Assert.Equal(PathKind.Fifo, PathKinds.Of(_temp.Combine("to-pipe")));
        Assert.Equal(PathKind.CharacterDevice, PathKinds.Of("/dev/null"));
        Assert.Equal(PathKind.Directory, PathKinds.Of(_temp.Path));
        Assert.Equal(PathKind.RegularFile, PathKinds.Of(_temp.Touch("file.txt")));
        Assert.Equal(PathKind.LinkLoop, PathKinds.Of(_temp.Combine("loop-a")));
        Assert.Equal(PathKind.Missing, PathKinds.Of(_temp.Combine("nothing")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("out/")]
    [InlineData("a\0b")]
    public void A_file_path_that_names_no_file_is_refused(string path)
    {
        var error = Assert.Throws<OutputTargetException>(() => OutputTarget.CheckFile(path, "--out"));

        Assert.True(error.IsBadInput);
        Assert.StartsWith("--out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_below_a_regular_file_is_refused_naming_the_file_in_the_way()
    {
        var file = _temp.Touch("report.csv", "keep");

        var error = Assert.Throws<OutputTargetException>(() => OutputTarget.CheckFile(Path.Combine(file, "x.csv"), "--out"));

        Assert.Contains($"needs '{file}' to be a folder, but it is a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atomic_write_to_a_fifo_is_refused_at_once_without_blocking_or_leaving_a_temporary_file()
    {
        var fifo = TempFolder.Fifo(_temp.Combine("out.csv"));

        var error = await Assert.ThrowsAsync<OutputTargetException>(() => AtomicFile.WriteAsync(fifo, (_, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Contains("is a FIFO (named pipe)", error.Message, StringComparison.Ordinal);
        Assert.Equal(PathKind.Fifo, PathKinds.Of(fifo));
        Assert.Equal([fifo], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Atomic_write_refuses_a_fifo_put_at_the_name_while_it_wrote_and_keeps_it()
    {
        var path = _temp.Combine("late.csv");

        var error = await Assert.ThrowsAsync<OutputTargetException>(() => AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await stream.WriteAsync("a,b\r\n"u8.ToArray(), ct);
            TempFolder.Fifo(path);
            return 1;
        }, CancellationToken.None));

        Assert.Contains("is a FIFO", error.Message, StringComparison.Ordinal);
        Assert.Equal(PathKind.Fifo, PathKinds.Of(path));
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Atomic_write_into_a_folder_that_cannot_be_made_is_bad_input_naming_it()
    {
        var blocker = _temp.Touch("blocker");

        var error = await Assert.ThrowsAsync<OutputTargetException>(() => AtomicFile.WriteAsync(Path.Combine(blocker, "sub", "x.csv"), (_, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_output_may_be_a_link_to_a_folder_but_not_a_file_or_fifo()
    {
        var real = Directory.CreateDirectory(_temp.Combine("real")).FullName;
        File.CreateSymbolicLink(_temp.Combine("linked"), real);

        Assert.Equal(_temp.Combine("linked"), OutputTarget.CheckFolder(_temp.Combine("linked"), "--out"));
        Assert.Throws<OutputTargetException>(() => OutputTarget.CheckFolder(_temp.Touch("f"), "--out"));
        Assert.Throws<OutputTargetException>(() => OutputTarget.CheckFolder(TempFolder.Fifo(_temp.Combine("p")), "--out"));
    }
}
