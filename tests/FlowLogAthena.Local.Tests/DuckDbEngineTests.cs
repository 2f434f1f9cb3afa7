using System.Diagnostics;

namespace FlowLogAthena.Local.Tests;

public sealed class DuckDbEngineTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Day2 = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-1_20261102T0005Z_abcd1234.log.gz";
    private const string Day3 = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/03/012345678901_vpcflowlogs_us-east-1_fl-1_20261103T0005Z_abcd1234.log.gz";
    private const string Day5 = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/05/012345678901_vpcflowlogs_us-east-1_fl-1_20261105T0005Z_abcd1234.log.gz";

    private static readonly TimeWindow Window = TimeWindow.Parse("2026-11-02", "2026-11-04");
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    private FlowLogSource Source => new(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout);

    private static RenderedQuery Sql(string sql) => new("test", SqlDialect.DuckDb, sql, Window, new Dictionary<string, string>());

    private static async Task<List<object?[]>> RowsAsync(string sql, FlowLogSource source, CancellationToken cancellationToken = default)
    {
        await using var engine = new DuckDbEngine();
        await using var result = await engine.ExecuteOnceAsync(Sql(sql), source, cancellationToken);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(cancellationToken)) rows.Add(row);
        return rows;
    }

    private void WriteTwoDays()
    {
        _logs.WriteGzip(Day2, Header,
            "2 012345678901 eni-0a1 10.0.1.5 2600:1f18:abcd::7 443 50123 6 10 8400 1793577700 1793577760 ACCEPT OK",
            "2 012345678901 eni-0a1 - - - - - - - 1793577700 1793577760 - NODATA");
        _logs.WriteGzip(Day3, Header,
            "2 012345678901 eni-0a1 203.0.113.9 10.0.1.5 0 0 1 3 252 1793664100 1793664160 REJECT OK");
    }

    [Fact]
    public async Task Account_ids_keep_leading_zeros_and_IPv6_addresses_survive()
    {
        WriteTwoDays();
        var rows = await RowsAsync("SELECT account_id, dstaddr, bytes FROM flow_logs WHERE log_status = 'OK' ORDER BY start", Source);

        Assert.Equal(2, rows.Count);
        Assert.Equal("012345678901", rows[0][0]);
        Assert.Equal("2600:1f18:abcd::7", rows[0][1]);
        Assert.Equal(8400L, rows[0][2]);
    }

    [Fact]
    public async Task A_dash_is_NULL()
    {
        WriteTwoDays();
        var rows = await RowsAsync("SELECT srcaddr, packets, action FROM flow_logs WHERE log_status = 'NODATA'", Source);

        Assert.Equal([null, null, null], Assert.Single(rows));
    }

    [Fact]
    public async Task Partition_columns_come_from_the_path()
    {
        WriteTwoDays();
        var rows = await RowsAsync("SELECT DISTINCT aws_account_id, aws_region, day FROM flow_logs ORDER BY day", Source);

        Assert.Equal(["012345678901", "us-east-1", "2026/11/02"], rows[0]);
        Assert.Equal("2026/11/03", rows[1][2]);
    }

    [Fact]
    public async Task Files_outside_the_window_are_never_read()
    {
        WriteTwoDays();
        _logs.WriteBytes(Day5, [1, 2, 3, 4]); // would fail if it were read

        var rows = await RowsAsync("SELECT count(*) FROM flow_logs", Source);

        Assert.Equal(3L, Assert.Single(rows)[0]);
    }

    [Fact]
    public async Task A_corrupt_gzip_file_is_named()
    {
        WriteTwoDays();
        var bad = _logs.WriteBytes(Day3.Replace("abcd1234", "bad00000", StringComparison.Ordinal), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8]);

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT sum(bytes) FROM flow_logs", Source));

        Assert.Contains(bad, error.Message);
    }

    [Fact]
    public async Task A_line_with_the_wrong_number_of_fields_is_named_with_its_file()
    {
        var path = _logs.WriteGzip(Day2, Header, "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443");

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT sum(bytes) FROM flow_logs", Source));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_window_without_files_says_so()
    {
        _logs.WriteGzip(Day5, Header, "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443 50123 6 10 8400 1793750500 1793750560 ACCEPT OK");

        var error = await Assert.ThrowsAsync<TimeWindowException>(() => RowsAsync("SELECT 1", Source));

        Assert.Contains("No flow log files", error.Message);
        Assert.Contains("2026-11-02", error.Message);
    }

    [Fact]
    public async Task Cancellation_interrupts_a_running_query()
    {
        WriteTwoDays();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        // Minutes of work if it were not interrupted.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RowsAsync("SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) % 7 = 3", Source, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Results_report_their_columns_and_stats()
    {
        WriteTwoDays();
        await using var engine = new DuckDbEngine();
        await using var result = await engine.ExecuteOnceAsync(Sql("SELECT srcaddr, sum(bytes)::BIGINT AS bytes FROM flow_logs GROUP BY srcaddr"), Source, CancellationToken.None);
        await foreach (var _ in result.ReadRowsAsync(CancellationToken.None))
        {
        }

        Assert.Equal(["srcaddr", "bytes"], result.Columns.Select(c => c.Name));
        Assert.Equal(typeof(long), result.Columns[1].ClrType);
        Assert.Equal(2, result.Stats.FilesRead);
        Assert.Equal(3, result.Stats.RowsReturned);
    }

    [Fact]
    public async Task Hive_partition_columns_match_the_athena_projection_values()
    {
        _logs.WriteGzip("AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=11/day=03/hour=07/012345678901_vpcflowlogs_eu-west-1_fl-1_20261103T0710Z_abcd1234.log.gz", Header,
            "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443 50123 6 10 8400 1793689300 1793689360 ACCEPT OK");
        var hive = new FlowLogSource(_logs.Path, FlowLogFormat.Default, new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly));

        var rows = await RowsAsync("SELECT aws_account_id, aws_region, day, hour FROM flow_logs", hive);

        var partition = new DateTime(2026, 11, 3, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(["012345678901", "eu-west-1", FlowLogAthena.Core.Tables.PartitionScheme.DayValue(PrefixStyle.Hive, partition), "07"], Assert.Single(rows));
    }
}
