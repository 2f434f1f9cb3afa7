namespace FlowLogAthena.Local.Tests.Hostile;

/// <summary>
/// SQL that got past the renderer (sent straight to the engine here) still cannot write, attach, install, change a
/// setting or read a file outside the window: DuckDB itself is locked once the view or the materialized table exists.
/// </summary>
public sealed class DuckDbLockdownTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private static readonly TimeWindow Window = TimeWindow.Parse("2026-11-02", "2026-11-03");
    private readonly TempFolder _logs = new();
    private readonly string _outside;

    public DuckDbLockdownTests()
    {
        _logs.WriteGzip("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/a.log.gz", Header,
            "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443 50123 6 10 8400 1793577700 1793577760 ACCEPT OK");
        // A day outside the window and a file next to the source: both are outside what a query may read.
        _logs.WriteGzip("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/09/b.log.gz", Header);
        _outside = _logs.WriteBytes("secret.txt", "secret\n"u8.ToArray());
    }

    public void Dispose() => _logs.Dispose();

    private FlowLogSource Source => new(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout);

    private string Target => _logs.Combine("written");

    public static TheoryData<string, bool> Attempts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var materialize in new[] { false, true })
        {
            foreach (var sql in new[]
            {
                "COPY (SELECT * FROM flow_logs) TO '{target}.csv'",
                "COPY flow_logs TO '{target}.parquet' (FORMAT parquet)",
                "EXPORT DATABASE '{target}'",
                "ATTACH '{target}.duckdb' AS other",
                "INSTALL httpfs",
                "SET enable_external_access = true",
                "RESET enable_external_access",
                "SET allowed_directories = ['/']",
                "SET lock_configuration = false",
                "SELECT * FROM read_text('/etc/passwd')",
                "SELECT * FROM read_blob('{outside}')",
                "SELECT * FROM read_csv('{outside}')",
                "SELECT * FROM glob('/etc/*')",
                "SELECT count(*) FROM read_csv('{root}/AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/09/b.log.gz')",
            })
            {
                data.Add(sql, materialize);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task A_query_cannot_write_attach_install_change_settings_or_read_outside_the_window(string template, bool materialize)
    {
        var sql = template.Replace("{target}", Target, StringComparison.Ordinal).Replace("{outside}", _outside, StringComparison.Ordinal)
            .Replace("{root}", _logs.Path, StringComparison.Ordinal);
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = materialize }, new LocalLogFileLister());
        var query = new RenderedQuery("hostile", SqlDialect.DuckDb, sql, Window, new Dictionary<string, string>()) { SourcePath = "/packs/evil/hostile.sql" };

        var error = await Assert.ThrowsAsync<QueryDefinitionException>(async () =>
        {
            await using var result = await new BoundTable(engine, Source, query.Window, ownsEngine: false).ExecuteAsync(query, CancellationToken.None);
            await foreach (var _ in result.ReadRowsAsync(CancellationToken.None))
            {
            }
        });

        Assert.StartsWith("/packs/evil/hostile.sql: the query reaches outside the flow log table", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_logs.Path, "written*"));
    }

    [Fact]
    public async Task The_window_is_still_readable_after_the_lock()
    {
        await using var engine = new DuckDbEngine();
        await using var result = await engine.ExecuteOnceAsync(new RenderedQuery("ok", SqlDialect.DuckDb, "SELECT sum(bytes)::BIGINT FROM flow_logs", Window, new Dictionary<string, string>()), Source, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(row);

        Assert.Equal(8400L, Assert.Single(rows)[0]);
    }
}
