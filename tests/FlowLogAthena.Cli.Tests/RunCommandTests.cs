namespace FlowLogAthena.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly SmallLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private string[] Run(string query, params string[] extra) =>
        ["run", query, "--engine", "local", "--source", _logs.Root, "--layout", "default", "--from", "2026-11-02", "--to", "2026-11-04", .. extra];

    [Fact]
    public async Task Top_talkers_writes_a_CSV_with_the_documented_columns()
    {
        var file = Path.Combine(_logs.OutFolder, "top.csv");
        var run = await CliRun.Of(Run("top-talkers", "--param", "limit=10", "--output", "csv", "--out", file));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(file);
        Assert.Equal("srcaddr,dstaddr,bytes,packets,flows", lines[0]);
        Assert.Equal("10.0.0.1,2600:1f18::5,1500,15,2", lines[1]);
        Assert.Equal("198.51.100.7,10.0.0.1,40,1,1", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Csv_goes_to_stdout_without_out_and_the_summary_to_stderr()
    {
        var run = await CliRun.Of(Run("rejected-traffic", "--output", "csv"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("srcaddr,dstaddr,dstport,attempts\r\n198.51.100.7,10.0.0.1,22,1\r\n", run.Stdout);
        Assert.Contains("rejected-traffic: 1 rows", run.Stderr);
    }

    [Fact]
    public async Task A_pack_run_with_a_misspelt_parameter_stops_before_writing_anything_and_names_it()
    {
        var output = Path.Combine(_logs.OutFolder, "packs");
        var run = await CliRun.Of(["run", "--pack", "all", "--engine", "local", "--source", _logs.Root, "--layout", "default",
            "--from", "2026-11-02", "--to", "2026-11-04", "--param", "limt=5", "--out", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'limt'", run.Stderr);
        Assert.Contains("Did you mean 'limit'?", run.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Unknown_field_in_the_format_names_it_and_suggests_the_right_one()
    {
        var run = await CliRun.Of(Run("top-talkers", "--format", "${srcadr} ${dstaddr}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'srcadr'", run.Stderr);
        Assert.Contains("srcaddr", run.Stderr);
    }

    [Fact]
    public async Task A_query_needing_a_missing_field_names_the_query_the_field_and_the_fix()
    {
        var run = await CliRun.Of(Run("traffic-path"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("traffic-path", run.Stderr);
        Assert.Contains("flow-direction", run.Stderr);
        Assert.Contains("create a new flow log", run.Stderr);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limt=5", "limt")]
    [InlineData("limit", "limit")]
    public async Task A_bad_parameter_is_named_and_nothing_is_written(string parameter, string named)
    {
        var file = Path.Combine(_logs.OutFolder, "bad.csv");
        var run = await CliRun.Of(Run("top-talkers", "--param", parameter, "--output", "csv", "--out", file));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{named}'", run.Stderr);
        Assert.False(Directory.Exists(_logs.OutFolder) && Directory.EnumerateFileSystemEntries(_logs.OutFolder).Any());
    }

    [Fact]
    public async Task A_missing_source_folder_is_named()
    {
        var missing = Path.Combine(_logs.Root, "does-not-exist");
        var run = await CliRun.Of(["run", "top-talkers", "--source", missing, "--from", "2026-11-02", "--to", "2026-11-04"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Stderr);
    }

    [Fact]
    public async Task A_window_whose_end_is_not_after_its_start_is_refused()
    {
        var run = await CliRun.Of(["run", "top-talkers", "--source", _logs.Root, "--from", "2026-11-04", "--to", "2026-11-02"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must be after --from", run.Stderr);
    }

    [Fact]
    public async Task A_window_with_no_data_says_so_and_writes_nothing()
    {
        var file = Path.Combine(_logs.OutFolder, "empty.csv");
        var run = await CliRun.Of(["run", "top-talkers", "--source", _logs.Root, "--from", "2026-10-01", "--to", "2026-10-02", "--output", "csv", "--out", file]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No flow log files", run.Stderr);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_corrupt_gzip_file_is_named_and_no_output_is_left()
    {
        var corrupt = Path.Combine(Path.GetDirectoryName(_logs.Write("2026/11/03", "20261103T0020Z", "x"))!, "012345678901_vpcflowlogs_us-east-1_fl-1_20261103T0030Z_deadbeef.log.gz");
        File.WriteAllBytes(corrupt, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 9, 9, 9, 9, 9, 9, 9, 9]);
        var file = Path.Combine(_logs.OutFolder, "top.csv");

        var run = await CliRun.Of(Run("top-talkers", "--output", "csv", "--out", file));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(".log.gz", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Json_output_writes_one_object_per_line()
    {
        var file = Path.Combine(_logs.OutFolder, "top.jsonl");
        var run = await CliRun.Of(Run("top-talkers", "--output", "json", "--out", file));

        Assert.Equal(0, run.ExitCode);
        var first = File.ReadLines(file).First();
        Assert.Equal("{\"srcaddr\":\"10.0.0.1\",\"dstaddr\":\"2600:1f18::5\",\"bytes\":1500,\"packets\":15,\"flows\":2}", first);
    }

    [Fact]
    public async Task A_format_that_is_not_the_files_header_is_refused_naming_the_file()
    {
        var run = await CliRun.Of(Run("top-talkers", "--format", "${version} ${account-id} ${interface-id} ${dstaddr} ${srcaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".log.gz' lists the fields \"version account-id interface-id srcaddr dstaddr", run.Stderr);
        Assert.Contains("--format \"${version}", run.Stderr);
    }

    [Fact]
    public async Task Without_format_the_files_header_gives_it()
    {
        var folder = Path.Combine(_logs.Root, "custom");
        var custom = new SmallLogs.Custom(folder, "srcaddr dstaddr bytes packets start log-status",
            "10.0.0.9 10.0.0.8 700 7 1793577700 OK", "10.0.0.9 10.0.0.8 300 3 1793577800 OK");

        var run = await CliRun.Of(["run", "top-talkers", "--source", folder, "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Format from the files' header: ${srcaddr} ${dstaddr} ${bytes} ${packets} ${start} ${log-status}", run.Stderr);
        Assert.Contains("10.0.0.9,10.0.0.8,1000,10,2", run.Stdout);
    }
}
