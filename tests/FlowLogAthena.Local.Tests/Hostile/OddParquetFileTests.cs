using DuckDB.NET.Data;

namespace FlowLogAthena.Local.Tests.Hostile;

/// <summary>Parquet files that are empty, mistyped, missing a column or holding impossible values, read by the real engine.</summary>
public sealed class OddParquetFileTests : IDisposable
{
    private const string Day = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/";
    private static readonly TimeWindow Window = TimeWindow.Parse("2026-11-02", "2026-11-03");
    private static readonly FlowLogFormat Format = FlowLogFormat.Parse("${srcaddr} ${dstport} ${bytes}");
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    private FlowLogSource Source => new(_logs.Path, Format, new SourceLayout(PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet));

    /// <summary>Writes a Parquet file with DuckDB from a SELECT giving its columns.</summary>
    private string Parquet(string name, string select)
    {
        var path = _logs.Combine(Day, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({select}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return path;
    }

    private async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var engine = new DuckDbEngine();
        await using var result = await engine.ExecuteOnceAsync(new RenderedQuery("test", SqlDialect.DuckDb, sql, Window, new Dictionary<string, string>()), Source, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task Good_files_read_with_the_catalog_types()
    {
        Parquet("a.log.parquet", "SELECT '10.0.0.1' AS srcaddr, 443::INTEGER AS dstport, 99::BIGINT AS bytes");
        Parquet("b[1].log.parquet", "SELECT '10.0.0.2' AS srcaddr, 22::INTEGER AS dstport, 1::BIGINT AS bytes");

        var rows = await RowsAsync("SELECT sum(bytes)::BIGINT, count(*) FROM flow_logs");

        Assert.Equal([100L, 2L], Assert.Single(rows).Select(Convert.ToInt64));
    }

    [Fact]
    public async Task An_empty_file_is_named()
    {
        var path = _logs.WriteBytes(Day + "a.log.parquet", []);

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs"));

        Assert.Contains(path, error.Message);
        Assert.Contains("empty (0 bytes)", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_named()
    {
        var path = _logs.WriteBytes(Day + "a.log.parquet", "srcaddr,dstport\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs"));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_missing_column_is_named_with_its_file()
    {
        Parquet("a.log.parquet", "SELECT '10.0.0.1' AS srcaddr, 443::INTEGER AS dstport, 99::BIGINT AS bytes");
        var odd = Parquet("b.log.parquet", "SELECT '10.0.0.1' AS srcaddr, 443::INTEGER AS dstport");

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs"));

        Assert.Contains($"'{odd}' has no column 'bytes'", error.Message);
    }

    [Fact]
    public async Task A_mistyped_column_is_named_with_its_file_and_both_types()
    {
        var odd = Parquet("a.log.parquet", "SELECT '10.0.0.1' AS srcaddr, 'https' AS dstport, 99::BIGINT AS bytes");

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT count(*) FROM flow_logs"));

        Assert.Contains($"'{odd}' stores column 'dstport' as BYTE_ARRAY", error.Message);
        Assert.Contains("INT_32", error.Message);
    }

    [Fact]
    public async Task A_value_no_flow_log_can_hold_is_named_with_file_row_and_field()
    {
        var odd = Parquet("a.log.parquet", "SELECT '10.0.0.1' AS srcaddr, v AS dstport, 1::BIGINT AS bytes FROM (VALUES (443), (70000)) t(v)");

        var error = await Assert.ThrowsAsync<SourceException>(() => RowsAsync("SELECT sum(dstport) FROM flow_logs"));

        Assert.True(error.Message.Contains($"'{odd}', row 2, field dstport: 70000 is not a whole number from 0 to 65535", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public async Task A_file_with_no_rows_but_the_right_columns_adds_nothing()
    {
        Parquet("a.log.parquet", "SELECT '10.0.0.1' AS srcaddr, 443::INTEGER AS dstport, 5::BIGINT AS bytes");
        Parquet("b.log.parquet", "SELECT '10.0.0.1' AS srcaddr, 443::INTEGER AS dstport, 5::BIGINT AS bytes WHERE false");

        var rows = await RowsAsync("SELECT count(*) FROM flow_logs");

        Assert.Equal(1L, Assert.Single(rows)[0]);
    }
}
