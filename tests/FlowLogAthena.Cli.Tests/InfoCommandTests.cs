namespace FlowLogAthena.Cli.Tests;

public class InfoCommandTests
{
    [Fact]
    public async Task Fields_lists_all_54_fields()
    {
        var run = await CliRun.Of("fields");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("next-hop-interface-type", run.Stdout);
        Assert.Contains("traffic-path", run.Stdout);
        Assert.Contains("packets-lost-blackhole", run.Stdout);
    }

    [Theory]
    [InlineData("vpc", "next-hop-interface-type", "tgw-attachment-id")]
    [InlineData("transit-gateway", "tgw-attachment-id", "interface-id")]
    public async Task Fields_of_one_kind_are_listed_alone(string kind, string present, string absent)
    {
        var run = await CliRun.Of("fields", "--kind", kind);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(present, run.Stdout);
        Assert.DoesNotContain(absent, run.Stdout);
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_with_the_two_names()
    {
        var run = await CliRun.Of("fields", "--kind", "tgw");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("transit-gateway", run.Stderr + run.Stdout);
    }

    [Fact]
    public async Task Format_check_prints_both_types_of_every_column()
    {
        var run = await CliRun.Of("format", "check", "--format", "${account-id} ${end} ${traffic-path}");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"account_id\s+│\s+string\s+│\s+VARCHAR", run.Stdout);
        Assert.Matches(@"traffic_path\s+│\s+int\s+│\s+INTEGER", run.Stdout);
        Assert.Contains("version 5", run.Stderr);
    }

    [Fact]
    public async Task Format_check_names_an_unknown_field()
    {
        var run = await CliRun.Of("format", "check", "--format", "${version} ${srcadr}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Did you mean 'srcaddr'", run.Stderr);
    }

    [Theory]
    [InlineData("athena", "\"day\" BETWEEN", "LIMIT 10")]
    [InlineData("duckdb", "FROM \"flow_logs\"", "LIMIT 10")]
    public async Task Render_prints_the_SQL_for_each_dialect(string dialect, string expected, string limit)
    {
        var run = await CliRun.Of("render", "top-talkers", "--dialect", dialect, "--from", "2026-11-02", "--to", "2026-11-04");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Stdout);
        Assert.Contains("\"start\" >= 1793577600", run.Stdout);
        Assert.Contains(limit, run.Stdout);
    }

    [Fact]
    public async Task Queries_list_shows_every_query()
    {
        var run = await CliRun.Of("queries", "list");

        Assert.Equal(0, run.ExitCode);
        foreach (var id in new[] { "top-talkers", "rejected-traffic", "traffic-path" }) Assert.Contains(id, run.Stdout);
    }

    [Fact]
    public async Task Queries_show_names_parameters_and_output()
    {
        var run = await CliRun.Of("queries", "show", "top-talkers");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("limit", run.Stdout);
        Assert.Contains("srcaddr, dstaddr, bytes, packets, flows", run.Stdout);
        Assert.Contains("Uses when present: log-status", run.Stdout); // top-talkers reads log-status only if the format has it
    }

    [Fact]
    public async Task Queries_show_writes_out_the_partials_a_query_includes_and_render_prints_their_sql()
    {
        var show = await CliRun.Of("queries", "show", "top-instances");
        var render = await CliRun.Of("render", "top-instances", "--dialect", "duckdb", "--from", "2026-11-02",
            "--format", "${version} ${instance-id} ${packets} ${bytes} ${start} ${end} ${log-status}");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("{{ # partial 'resource-totals' { field: 'instance-id', column: 'instance_id', owner: false } from partials/resource-totals.sql }}", show.Stdout);
        Assert.Contains("    GROUP BY {{ col field }}\n", show.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("{{ # end of partial 'resource-totals' }}", show.Stdout);
        Assert.Equal(0, render.ExitCode);
        Assert.Contains("      AND \"instance_id\" IS NOT NULL\n    GROUP BY \"instance_id\"\n", render.Stdout.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("partial", render.Stdout);
    }

    [Fact]
    public async Task An_unknown_option_is_bad_input()
    {
        var run = await CliRun.Of("run", "top-talkers", "--bogus");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Help_is_available_on_every_command()
    {
        foreach (var command in new[] { "fields", "format", "queries", "render", "run" })
        {
            var run = await CliRun.Of(command, "--help");
            Assert.True(run.ExitCode == 0, command + ": " + run);
            Assert.Contains("Usage:", run.Stdout);
        }
    }
}
