namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// Query packs from a user's --queries folder, run by the real CLI over real logs: anything but one read-only query
/// is refused (exit 2) naming the query file and what it tried, and nothing is written anywhere.
/// </summary>
public sealed class HostilePackTests : IDisposable
{
    private readonly SmallLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private string Target => Path.Combine(_logs.Root, "stolen");

    /// <summary>A pack folder holding one query, evil/q.sql, whose body is <paramref name="body"/>.</summary>
    private string Pack(string body)
    {
        var folder = Path.Combine(_logs.Root, "packs", "evil");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "q.sql"), $"""
            ---
            id: q
            title: Hostile
            description: Tries to do more than read.
            output:
              - name: a
            ---
            {body.Replace("{target}", Target, StringComparison.Ordinal)}
            """);
        return Path.Combine(_logs.Root, "packs");
    }

    private Task<CliRun> RunAsync(string body, params string[] extra) => CliRun.Of(
    [
        "run", "q", "--queries", Pack(body), "--engine", "local", "--source", _logs.Root, "--layout", "default",
        "--from", "2026-11-02", "--to", "2026-11-04", "--output", "csv", .. extra,
    ]);

    private void AssertRefused(CliRun run, string reason)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(Path.Combine(_logs.Root, "packs", "evil", "q.sql"), run.Stderr);
        Assert.Contains(reason, run.Stderr);
        Assert.DoesNotContain("Unexpected", run.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_logs.Root, "stolen*"));
    }

    [Theory]
    [InlineData("COPY (SELECT * FROM {{ table }}) TO '{target}.csv'", "COPY statement")]
    [InlineData("ATTACH '{target}.duckdb' AS other", "ATTACH statement")]
    [InlineData("INSTALL httpfs", "INSTALL statement")]
    [InlineData("LOAD httpfs", "LOAD statement")]
    [InlineData("PRAGMA version", "PRAGMA statement")]
    [InlineData("SET enable_external_access = true", "SET statement")]
    [InlineData("RESET enable_external_access", "RESET statement")]
    [InlineData("CREATE TABLE t AS SELECT 1 AS a", "CREATE statement")]
    [InlineData("DROP VIEW {{ table }}", "DROP statement")]
    [InlineData("INSERT INTO {{ table }} SELECT * FROM {{ table }}", "INSERT statement")]
    [InlineData("UPDATE {{ table }} SET bytes = 0", "UPDATE statement")]
    [InlineData("DELETE FROM {{ table }}", "DELETE statement")]
    [InlineData("EXPORT DATABASE '{target}'", "EXPORT statement")]
    [InlineData("CALL pragma_version()", "CALL statement")]
    [InlineData("VALUES (1)", "VALUES statement")]
    [InlineData("-- SELECT a comment first\nCOPY (SELECT 1 AS a) TO '{target}.csv'", "COPY statement")]
    [InlineData("/* SELECT */ COPY (SELECT 1 AS a) TO '{target}.csv'", "COPY statement")]
    [InlineData("WITH x AS (SELECT 1 AS a) INSERT INTO {{ table }} SELECT * FROM x", "INSERT statement inside its WITH")]
    [InlineData("SELECT 1 AS a; COPY (SELECT 1 AS a) TO '{target}.csv'", "contains ';'")]
    [InlineData("SELECT 'x;' AS a", "contains ';'")]
    [InlineData("SELECT 1 AS a -- ; COPY", "contains ';'")]
    [InlineData("SELECT 'unclosed AS a", "unclosed string")]
    public async Task Anything_but_one_read_only_query_is_refused_naming_the_file_and_the_statement(string body, string reason)
    {
        AssertRefused(await RunAsync(body), reason);
    }

    [Theory]
    [InlineData("SELECT count(*) AS a FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT count(*) AS a FROM read_text('/etc/passwd')")]
    [InlineData("SELECT count(*) AS a FROM read_blob('/etc/shadow')")]
    [InlineData("SELECT count(*) AS a FROM glob('/etc/*')")]
    [InlineData("SELECT count(*) AS a FROM read_parquet('/tmp/*.parquet')")]
    [InlineData("SELECT count(*) AS a FROM (SELECT * FROM {{ table }}) t, read_text('/proc/self/environ')")]
    public async Task A_query_reading_files_outside_the_source_is_refused_by_the_locked_engine(string body)
    {
        AssertRefused(await RunAsync(body), "reaches outside the flow log table");
    }

    [Fact]
    public async Task A_query_reading_outside_the_source_is_refused_in_a_pack_run_too()
    {
        var output = Path.Combine(_logs.OutFolder, "pack");
        var run = await CliRun.Of(
        [
            "run", "--pack", "evil", "--queries", Pack("SELECT count(*) AS a FROM read_text('/etc/passwd')"), "--engine", "local",
            "--source", _logs.Root, "--layout", "default", "--from", "2026-11-02", "--to", "2026-11-04", "--out", output,
        ]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("reaches outside the flow log table", run.Stderr);
        Assert.False(File.Exists(Path.Combine(output, "q.csv")));
    }

    [Fact]
    public async Task Rendering_for_Athena_refuses_the_same_statements_before_anything_is_sent()
    {
        var run = await CliRun.Of(["render", "q", "--queries", Pack("UNLOAD (SELECT 1 AS a) TO 's3://bucket/x'"), "--dialect", "athena"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("UNLOAD statement", run.Stderr);
    }

    [Fact]
    public async Task A_read_only_query_from_a_user_folder_still_runs()
    {
        var run = await RunAsync("SELECT count(*) AS a FROM {{ table }} WHERE action = 'DELETE' OR 1 = 1 -- not an UPDATE");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("a\r\n4\r\n", run.Stdout);
    }
}
