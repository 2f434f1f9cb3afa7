namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// Every output path of every command replaces only regular files: a device, FIFO, folder or a link to one is
/// refused with exit 2 naming the path and what it is, before any work (nothing else is written, the thing stays).
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly SmallLogs _logs = new();

    private string Out => _logs.OutFolder;

    public void Dispose() => _logs.Dispose();

    public static TheoryData<string, string> NotRegularFiles() => new()
    {
        { "fifo", "a FIFO (named pipe)" },
        { "device", "a character device" },
        { "folder", "a folder" },
        { "link-to-fifo", "a symbolic link to a FIFO (named pipe)" },
        { "link-to-device", "a symbolic link to a character device" },
        { "link-to-folder", "a symbolic link to a folder" },
        { "link-loop", "a loop of symbolic links" },
    };

    [Theory]
    [MemberData(nameof(NotRegularFiles))]
    public async Task Run_refuses_an_out_that_is_not_a_regular_file_naming_it_and_leaves_it_alone(string kind, string described)
    {
        var target = Make(kind, Path.Combine(Out, "result.csv"));

        var run = await CliRun.Of(["run", "top-talkers", "--source", _logs.Root, "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", target]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--out '{target}' is {described}", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Out, ".*.tmp", SearchOption.AllDirectories));
        if (kind == "fifo") Assert.True(SpecialFiles.IsFifo(target));
    }

    [Fact]
    public async Task Run_over_a_link_to_a_regular_file_replaces_the_link_and_never_writes_through_it()
    {
        var precious = Path.Combine(_logs.Root, "precious.txt");
        File.WriteAllText(precious, "keep me");
        var link = SpecialFiles.Link(Path.Combine(Out, "result.csv"), precious);

        var run = await CliRun.Of(["run", "top-talkers", "--source", _logs.Root, "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", link]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("keep me", File.ReadAllText(precious));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.StartsWith("srcaddr", File.ReadAllText(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_pack_refuses_a_fifo_where_a_query_csv_goes_before_running_any_query()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(Out, "packs", "traffic", "top-talkers.csv"));

        var run = await CliRun.Of(["run", "--pack", "traffic", "--source", _logs.Root, "--from", "2026-11-02", "--to", "2026-11-03", "--out", Path.Combine(Out, "packs")]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{fifo}' is a FIFO (named pipe)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal([fifo], Directory.EnumerateFileSystemEntries(Path.Combine(Out, "packs", "traffic")));
    }

    [Fact]
    public async Task Report_weekly_refuses_a_folder_where_report_html_goes_before_any_query()
    {
        var folder = Path.Combine(Out, "report");
        Directory.CreateDirectory(Path.Combine(folder, "report.html"));

        var run = await CliRun.Of(["report", "weekly", "--source", _logs.Root, "--from", "2026-11-02", "--to", "2026-11-09", "--out", folder]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("report.html' is a folder", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "this-week")));
    }

    [Fact]
    public async Task Generate_refuses_an_out_that_is_a_file_before_writing_anything()
    {
        var file = Path.Combine(_logs.Root, "a-file");
        File.WriteAllText(file, "x");

        var run = await CliRun.Of(["generate", "--out", file, "--records", "10"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"needs '{file}' to be a folder, but it is a regular file", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task Demo_refuses_a_device_link_among_its_results_before_generating_any_log()
    {
        var demo = Path.Combine(Out, "demo");
        SpecialFiles.Link(Path.Combine(demo, "results", "traffic", "summary.csv"), "/dev/null");

        var run = await CliRun.Of(["demo", "--out", demo, "--records", "1000", "--days", "1"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("summary.csv' is a symbolic link to a character device", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(demo, "logs")));
    }

    [Fact]
    public async Task Job_run_refuses_an_output_that_is_a_fifo_with_the_job_file_line_and_writes_no_manifest()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(Out, "nightly", "top-talkers.csv"));
        var job = Path.Combine(_logs.Root, "job.yaml");
        File.WriteAllText(job, $"""
            name: nightly
            source:
              path: {_logs.Root}
            queries: [top-talkers]
            window:
              from: 2026-11-02
              to: 2026-11-03
            outputs:
              - {Out}/{"{job}"}/{"{query}"}.csv
            """);

        var run = await CliRun.Of(["job", "run", job]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{job}:9: output ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("is a FIFO (named pipe)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal([fifo], Directory.EnumerateFileSystemEntries(Path.Combine(Out, "nightly")));
    }

    private static string Make(string kind, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "fifo": return SpecialFiles.Fifo(path);
            case "device": return "/dev/null";
            case "folder": Directory.CreateDirectory(path); return path;
            case "link-to-fifo": return SpecialFiles.Link(path, SpecialFiles.Fifo(path + ".fifo"));
            case "link-to-device": return SpecialFiles.Link(path, "/dev/zero");
            case "link-to-folder": return SpecialFiles.Link(path, Directory.CreateDirectory(path + ".d").FullName);
            default: return SpecialFiles.LinkLoop(path);
        }
    }
}
