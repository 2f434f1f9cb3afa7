using System.Text.Json;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Cli.Tests.Discovery;

/// <summary>
/// A bucket folder where three flow logs deliver to the same prefixes — a VPC log in AWS's default format, a second
/// VPC log with another format, a Transit Gateway log — as real buckets hold them: <c>discover</c> names all three
/// with their kinds and formats; a run without --flow-log-id is refused with that list; and each, chosen by id,
/// answers exactly as it does alone in its own folder.
/// </summary>
public sealed class SharedPrefixTests : IDisposable
{
    private const string NarrowVpcFormat =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${flow-direction}";

    /// <summary>The three flow logs' formats; each is generated with its index + 1 as the seed.</summary>
    private static readonly FlowLogFormat[] Formats = [FlowLogFormat.Default, FlowLogFormat.Parse(NarrowVpcFormat), FlowLogFormat.TransitGatewayDefault];

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static GeneratorOptions Log(int index, string root, SourceLayout? layout = null) => new()
    {
        Root = root,
        Layout = layout ?? SourceLayout.DefaultLayout,
        Format = Formats[index],
        Records = 6_000,
        Seed = index + 1,
        Accounts = ["012345678901"],
        Regions = ["us-east-1"],
        FilesPerPartition = 2,
    };

    /// <summary>The three logs written together under "shared", and each alone under "alone-N"; the flow log ids.</summary>
    private async Task<string[]> WriteAsync()
    {
        var ids = new string[Formats.Length];
        for (var i = 0; i < Formats.Length; i++)
        {
            var shared = await FlowLogGenerator.GenerateAsync(Log(i, _root.Combine("shared")));
            await FlowLogGenerator.GenerateAsync(Log(i, _root.Combine($"alone-{i}")));
            ids[i] = shared.Files.Select(f => PartitionPaths.FlowLogIdOf(f.Path)!).Distinct().Single();
        }
        Assert.Equal(3, ids.Distinct().Count());
        return ids;
    }

    [Fact]
    public async Task Discover_names_every_flow_log_under_the_prefix_with_its_kind_format_and_options()
    {
        var ids = await WriteAsync();

        var json = await CliRun.Of("discover", "--source", _root.Combine("shared"), "--output", "json");
        var table = await CliRun.Of("discover", "--source", _root.Combine("shared"));

        Assert.True(json.ExitCode == 0, json.ToString());
        var found = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), found.Select(f => f.GetProperty("flow_log_id").GetString()));
        for (var i = 0; i < ids.Length; i++)
        {
            var log = found.Single(f => f.GetProperty("flow_log_id").GetString() == ids[i]);
            Assert.Equal(Formats[i].FormatString, log.GetProperty("format").GetString());
            Assert.Equal(i == 2 ? "transit-gateway" : "vpc", log.GetProperty("kind").GetString());
            Assert.Equal(["012345678901"], log.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(("default", "daily", "text"), (log.GetProperty("layout").GetString(), log.GetProperty("partitioning").GetString(), log.GetProperty("file_format").GetString()));
            Assert.Equal(("2026-11-02", "2026-11-02", 2), (log.GetProperty("first_day").GetString(), log.GetProperty("last_day").GetString(), log.GetProperty("files").GetInt32()));
            Assert.Equal(Directory.EnumerateFiles(_root.Combine($"alone-{i}"), "*.log.gz", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length),
                log.GetProperty("bytes").GetInt64());
            Assert.Contains($"--flow-log-id {ids[i]}", log.GetProperty("run").GetString(), StringComparison.Ordinal);
            Assert.Contains($"--flow-log-id {ids[i]}", log.GetProperty("provision").GetString(), StringComparison.Ordinal);
        }
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.All(ids, id => Assert.Contains(id, table.Stdout, StringComparison.Ordinal));
        Assert.Contains("Transit Gateway", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_flow_log_id_a_run_is_refused_with_the_list_of_flow_logs()
    {
        var ids = await WriteAsync();

        var run = await CliRun.Of("run", "top-talkers", "--source", _root.Combine("shared"), "--from", "2026-11-02", "--to", "2026-11-03", "--store", "off");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Flow log files of 3 formats are in the same window", run.Stderr, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains($"  {id} (", run.Stderr, StringComparison.Ordinal));
        Assert.Contains($"  {ids[2]} (Transit Gateway, 012345678901 us-east-1, 2 file(s) such as '", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("): \"version resource-type account-id tgw-id", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--flow-log-id <id>", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("store")]
    public async Task Each_flow_log_chosen_by_id_answers_as_it_does_alone(string store)
    {
        var ids = await WriteAsync();
        string[] StoreOption(string name) => store == "off" ? ["--store", "off"] : ["--store", _root.Combine("store-" + name)];

        for (var i = 0; i < ids.Length; i++)
        {
            var query = i == 2 ? "attachment-traffic" : "top-talkers";
            string[] window = ["--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--param", "limit=1000"];
            var chosen = await CliRun.Of(["run", query, "--source", _root.Combine("shared"), "--flow-log-id", ids[i], .. window, .. StoreOption("shared")]);
            var alone = await CliRun.Of(["run", query, "--source", _root.Combine($"alone-{i}"), .. window, .. StoreOption($"alone-{i}")]);

            Assert.True(chosen.ExitCode == 0, chosen.ToString());
            Assert.True(alone.ExitCode == 0, alone.ToString());
            Assert.True(chosen.Stdout.Split('\n').Length > 10, chosen.ToString());
            Assert.Equal(alone.Stdout, chosen.Stdout);
        }
    }

    [Fact]
    public async Task Estimate_reads_the_chosen_flow_logs_format_and_refuses_a_query_of_the_other_kind()
    {
        var ids = await WriteAsync();
        string[] window = ["--from", "2026-11-02", "--to", "2026-11-03"];

        var narrow = await CliRun.Of(["estimate", "top-talkers", "--source", _root.Combine("shared"), "--flow-log-id", ids[1], .. window]);
        var transit = await CliRun.Of(["estimate", "vpc-pairs", "--source", _root.Combine("shared"), "--flow-log-id", ids[2], .. window]);
        var wrongKind = await CliRun.Of(["estimate", "top-talkers", "--source", _root.Combine("shared"), "--flow-log-id", ids[2], .. window]);
        var mixed = await CliRun.Of(["estimate", "top-talkers", "--source", _root.Combine("shared"), .. window]);

        Assert.True(narrow.ExitCode == 0, narrow.ToString());
        Assert.Contains($"of the format's {Formats[1].Fields.Count} columns", narrow.Stderr, StringComparison.Ordinal);
        Assert.True(transit.ExitCode == 0, transit.ToString());
        Assert.Contains("of the format's 36 columns", transit.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, wrongKind.ExitCode);
        Assert.Contains("Query 'top-talkers' reads VPC flow logs, and the log format is a Transit Gateway flow log's.", wrongKind.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("--flow-log-id <id>", mixed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_file_reads_its_flow_log_from_the_shared_prefix()
    {
        var ids = await WriteAsync();
        var job = _root.Combine("job.yaml");
        await File.WriteAllTextAsync(job, string.Join('\n',
            "name: one-flow-log", "engine: local", "source:", $"  path: {_root.Combine("shared")}", $"  flow_log_id: {ids[1]}",
            "queries: [top-talkers]", "parameters:", "  limit: 1000", "window:", "  from: 2026-11-02", "  to: 2026-11-03",
            $"outputs: ['{_root.Combine("job-out")}/{{query}}.csv']"));

        var run = await CliRun.Of("job", "run", job, "--store", "off");
        var alone = await CliRun.Of("run", "top-talkers", "--source", _root.Combine("alone-1"), "--from", "2026-11-02", "--to", "2026-11-03",
            "--param", "limit=1000", "--output", "csv", "--store", "off");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(alone.Stdout.ReplaceLineEndings(), File.ReadAllText(_root.Combine("job-out", "top-talkers.csv")).ReplaceLineEndings());
    }

    [Fact]
    public async Task A_parquet_flow_log_without_format_takes_it_from_its_schema_and_answers_as_its_text_twin()
    {
        var text = Log(2, _root.Combine("tgw-text"), new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly));
        var parquet = Log(2, _root.Combine("tgw-parquet"), new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet));
        await FlowLogGenerator.GenerateAsync(text);
        await FlowLogGenerator.GenerateAsync(parquet);
        string[] window = ["--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--store", "off"];

        var fromParquet = await CliRun.Of(["run", "vpc-pairs", "--source", parquet.Root, "--file-format", "parquet", "--layout", "hive", "--partitioning", "hourly", .. window]);
        var fromText = await CliRun.Of(["run", "vpc-pairs", "--source", text.Root, "--layout", "hive", "--partitioning", "hourly", .. window]);
        var estimate = await CliRun.Of("estimate", "vpc-pairs", "--source", parquet.Root, "--file-format", "parquet", "--layout", "hive", "--partitioning", "hourly",
            "--from", "2026-11-02", "--to", "2026-11-03");

        Assert.True(fromParquet.ExitCode == 0, fromParquet.ToString());
        Assert.Contains("Format from the Parquet schema: ${version} ${resource-type}", fromParquet.Stderr, StringComparison.Ordinal);
        Assert.Equal(fromText.Stdout, fromParquet.Stdout);
        Assert.True(estimate.ExitCode == 0, estimate.ToString());
        Assert.Contains("of the format's 36 columns", estimate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pack_over_the_shared_prefix_reads_only_the_chosen_flow_log()
    {
        var ids = await WriteAsync();
        var output = _root.Combine("out");

        var run = await CliRun.Of("run", "--pack", "transit", "--source", _root.Combine("shared"), "--flow-log-id", ids[2],
            "--from", "2026-11-02", "--to", "2026-11-03", "--out", output, "--store", "off");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(File.ReadAllLines(Path.Combine(output, "transit", "summary.csv")).Skip(1), line => Assert.Contains(",ok,", line, StringComparison.Ordinal));
    }
}
