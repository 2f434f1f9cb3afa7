namespace FlowLogAthena.Local.Tests.Hostile;

/// <summary>Odd files read through the real DuckDB engine: either right numbers or an error naming file, line and field.</summary>
public sealed class OddLogFileTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Day = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/";
    private const string Record = "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443 50123 6 10 8400 1793577700 1793577760 ACCEPT OK";
    private static readonly TimeWindow Window = TimeWindow.Parse("2026-11-02", "2026-11-03");
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    private FlowLogSource Source => new(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout);

    private static async Task<List<object?[]>> RowsAsync(string sql, FlowLogSource source, bool materialize = false)
    {
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = materialize }, new LocalLogFileLister());
        await using var result = await engine.ExecuteOnceAsync(new RenderedQuery("test", SqlDialect.DuckDb, sql, Window, new Dictionary<string, string>()), source, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(row);
        return rows;
    }

    [Theory]
    [InlineData("a[1].log.gz", "a1.log.gz")]
    [InlineData("b*.log.gz", "bb.log.gz")]
    [InlineData("c?.log.gz", "cc.log.gz")]
    [InlineData("[!x]*?.log.gz", "y.log.gz")]
    public async Task A_name_holding_glob_characters_is_one_file_read_once(string odd, string lookalike)
    {
        _logs.WriteGzip(Day + odd, Header, Record);
        _logs.WriteGzip(Day + lookalike, Header, Record.Replace("8400", "1", StringComparison.Ordinal));

        var rows = await RowsAsync("SELECT sum(bytes)::BIGINT, count(*) FROM flow_logs", Source);

        Assert.Equal([8401L, 2L], Assert.Single(rows).Select(Convert.ToInt64));
    }

    [Fact]
    public async Task Glob_named_files_are_read_once_in_a_materialized_window_too()
    {
        _logs.WriteGzip(Day + "a[1].log.gz", Header, Record);
        _logs.WriteGzip(Day + "a1.log.gz", Header, Record);

        var rows = await RowsAsync("SELECT count(*) FROM flow_logs", Source, materialize: true);

        Assert.Equal(2L, Assert.Single(rows)[0]);
    }

    [Theory]
    [InlineData("443", "70000", "srcport", "\"70000\" is not a whole number from 0 to 65535")]
    [InlineData("50123", "-1", "dstport", "\"-1\" is not a whole number from 0 to 65535")]
    [InlineData(" 6 ", " 256 ", "protocol", "\"256\" is not a whole number from 0 to 255")]
    [InlineData("8400", "-8400", "bytes", "\"-8400\" is not a whole number from 0 to")]
    [InlineData(" 10 ", " ten ", "packets", "\"ten\" is not a whole number")]
    [InlineData("1793577700", "17935777x", "start", "\"17935777x\" is not a whole number")]
    public async Task A_value_no_flow_log_can_hold_is_named_with_file_line_and_field(string good, string bad, string field, string reason)
    {
        var path = _logs.WriteGzip(Day + "a.log.gz", Header, Record, Record.Replace(good, bad, StringComparison.Ordinal));

        // Every field a query reads is checked; a pack run reads them all.
        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT * FROM flow_logs", Source));

        Assert.Contains($"'{path}', line 3, field {field}", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_line_with_too_few_fields_is_named_with_file_line_and_counts()
    {
        var path = _logs.WriteGzip(Day + "a.log.gz", Header, Record, "2 012345678901 eni-0a1 10.0.1.5");

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs", Source));

        Assert.Contains($"'{path}', line 3 has 4 fields, but the format has 14", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_truncated_gzip_is_refused_before_a_partial_count(bool materialize)
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => Record.Replace("8400", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();
        _logs.WriteGzip(Day + "a-whole.log.gz", Header, lines);
        var path = _logs.WriteGzip(Day + "b-cut.log.gz", Header, lines);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs", Source, materialize));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task Two_flow_logs_of_different_formats_in_one_partition_are_refused_naming_the_odd_file()
    {
        _logs.WriteGzip(Day + "012345678901_vpcflowlogs_us-east-1_fl-1_20261102T0005Z_a.log.gz", Header, Record);
        var odd = _logs.WriteGzip(Day + "012345678901_vpcflowlogs_us-east-1_fl-2_20261102T0005Z_b.log.gz", "srcaddr dstaddr srcport dstport", "10.0.0.1 10.0.0.2 1 2");

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs", Source));

        Assert.Contains(odd, error.Message);
        Assert.Contains("fl-2", error.Message);
    }

    [Fact]
    public async Task A_file_with_only_the_header_adds_no_rows()
    {
        _logs.WriteGzip(Day + "a.log.gz", Header, Record);
        _logs.WriteGzip(Day + "b.log.gz", Header);

        var rows = await RowsAsync("SELECT count(*) FROM flow_logs", Source);

        Assert.Equal(1L, Assert.Single(rows)[0]);
    }
}
