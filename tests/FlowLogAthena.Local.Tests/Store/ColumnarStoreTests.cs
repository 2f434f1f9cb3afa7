using FlowLogAthena.Local.Store;

namespace FlowLogAthena.Local.Tests.Store;

/// <summary>
/// The columnar store: the first run converts the window's text into one Parquet file per partition, later runs read
/// only those; an added or rewritten source file is converted again; concurrent runs share it safely; a dead run's
/// staging file is neither read nor kept.
/// </summary>
public sealed class ColumnarStoreTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Day2 = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-1_20261102T0005Z_abcd1234.log.gz";
    private const string Day2Later = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-1_20261102T2355Z_abcd1234.log.gz";
    private const string Day3 = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/03/012345678901_vpcflowlogs_us-east-1_fl-1_20261103T0005Z_abcd1234.log.gz";

    private static readonly TimeWindow Window = TimeWindow.Parse("2026-11-02", "2026-11-04");
    private const string Totals = "SELECT COUNT(*), CAST(SUM(bytes) AS BIGINT), MIN(aws_account_id), MIN(aws_region), COUNT(DISTINCT day) FROM flow_logs WHERE log_status = 'OK'";

    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    private string StoreFolder => _logs.Combine("store");

    private FlowLogSource Source => new(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout);

    private static string Record(long bytes, long start) =>
        $"2 012345678901 eni-0a1 10.0.1.5 10.0.2.9 443 50123 6 10 {bytes} {start} {start + 60} ACCEPT OK";

    private void WriteTwoDays()
    {
        _logs.WriteGzip(Day2, Header, Record(100, 1793577700), "2 012345678901 eni-0a1 - - - - - - - 1793577700 1793577760 - NODATA");
        _logs.WriteGzip(Day3, Header, Record(20, 1793664100));
    }

    private async Task<object?[]> TotalsAsync(string? store, FlowLogSource? source = null, string sql = Totals)
    {
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { StoreFolder = store }, new LocalLogFileLister());
        await using var result = await engine.ExecuteOnceAsync(new RenderedQuery("test", SqlDialect.DuckDb, sql, Window, new Dictionary<string, string>()),
            source ?? Source, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(row);
        return Assert.Single(rows);
    }

    private List<string> StoredFiles(string pattern = ColumnarStore.DataPrefix + "*.parquet") =>
        Directory.Exists(StoreFolder)
            ? Directory.EnumerateFiles(StoreFolder, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(StoreFolder, f)).Order().ToList()
            : [];

    [Fact]
    public async Task The_store_gives_the_text_s_answer_with_one_parquet_file_per_partition()
    {
        WriteTwoDays();

        var fromText = await TotalsAsync(store: null);
        var fromStore = await TotalsAsync(StoreFolder);

        Assert.Equal(fromText, fromStore);
        Assert.Equal([2L, 120L, "012345678901", "us-east-1", 2L], fromStore);
        var files = StoredFiles();
        Assert.Equal(2, files.Count);
        Assert.Contains(files, f => f.Contains($"account=012345678901{Path.DirectorySeparatorChar}region=us-east-1{Path.DirectorySeparatorChar}day=2026-11-02", StringComparison.Ordinal));
        Assert.Empty(StoredFiles(ColumnarStore.StagingPrefix + "*"));
    }

    [Fact]
    public async Task A_second_run_reads_no_text()
    {
        WriteTwoDays();
        await TotalsAsync(StoreFolder);
        // Same name, size and time, but no longer a readable log: only a run that reads the text would notice.
        foreach (var day in new[] { Day2, Day3 }) Garble(_logs.Combine(day));

        Assert.Equal([2L, 120L, "012345678901", "us-east-1", 2L], await TotalsAsync(StoreFolder));
        await Assert.ThrowsAsync<SourceException>(() => TotalsAsync(store: null));
    }

    [Fact]
    public async Task A_file_added_to_a_stored_day_is_converted_by_the_next_run_and_the_old_file_removed()
    {
        WriteTwoDays();
        await TotalsAsync(StoreFolder);
        var before = StoredFiles();

        _logs.WriteGzip(Day2Later, Header, Record(5, 1793663000));

        Assert.Equal([3L, 125L, "012345678901", "us-east-1", 2L], await TotalsAsync(StoreFolder));
        var after = StoredFiles();
        Assert.Equal(2, after.Count);
        Assert.Single(after.Except(before)); // day 2 has a new file, day 3 kept its own
    }

    [Fact]
    public async Task A_rewritten_source_file_is_converted_again()
    {
        WriteTwoDays();
        await TotalsAsync(StoreFolder);

        _logs.WriteGzip(Day3, Header, Record(20, 1793664100), Record(1000, 1793664200));
        File.SetLastWriteTimeUtc(_logs.Combine(Day3), DateTime.UtcNow.AddMinutes(1));

        Assert.Equal([3L, 1120L, "012345678901", "us-east-1", 2L], await TotalsAsync(StoreFolder));
    }

    [Fact]
    public async Task Runs_sharing_a_store_at_once_agree_and_leave_one_file_per_partition()
    {
        WriteTwoDays();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TotalsAsync(StoreFolder))));

        Assert.All(answers, a => Assert.Equal([2L, 120L, "012345678901", "us-east-1", 2L], a));
        Assert.Equal(2, StoredFiles().Count);
        Assert.Empty(StoredFiles(ColumnarStore.StagingPrefix + "*"));
    }

    [Fact]
    public async Task A_dead_run_s_staging_file_is_never_read_and_the_next_conversion_removes_it()
    {
        WriteTwoDays();
        var store = new ColumnarStore(StoreFolder);
        var partition = store.PartitionFolder(Source, new LogFile(_logs.Combine(Day2), "012345678901", "us-east-1", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), 0));
        Directory.CreateDirectory(partition);
        var leftover = Path.Combine(partition, ColumnarStore.StagingPrefix + "dead.parquet");
        File.WriteAllText(leftover, "half a parquet file");

        Assert.Equal([2L, 120L, "012345678901", "us-east-1", 2L], await TotalsAsync(StoreFolder));
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task A_broken_text_file_stores_nothing_and_names_the_file()
    {
        WriteTwoDays();
        Garble(_logs.Combine(Day3));

        var error = await Assert.ThrowsAsync<SourceException>(() => TotalsAsync(StoreFolder));

        Assert.Contains(Path.GetFileName(Day3), error.Message);
        Assert.Empty(StoredFiles());
        Assert.Empty(StoredFiles(ColumnarStore.StagingPrefix + "*"));
    }

    [Fact]
    public void Sources_layouts_and_formats_each_get_their_own_folder()
    {
        var store = new ColumnarStore(StoreFolder);
        var other = FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString + " ${vpc-id}");

        var folders = new[]
        {
            store.FormatFolder(Source),
            store.FormatFolder(Source with { Format = other }),
            store.FormatFolder(Source with { Layout = SourceLayout.DefaultLayout with { Partitioning = Partitioning.Hourly } }),
            store.FormatFolder(Source with { Root = _logs.Combine("elsewhere") }),
        };

        Assert.Equal(folders.Length, folders.Distinct().Count());
        Assert.All(folders, f => Assert.StartsWith(store.Root + Path.DirectorySeparatorChar, f));
    }

    [Fact]
    public async Task A_query_over_the_store_reads_only_the_store_s_files()
    {
        WriteTwoDays();
        await TotalsAsync(StoreFolder);

        var error = await Assert.ThrowsAsync<QueryDefinitionException>(() => TotalsAsync(StoreFolder,
            sql: $"SELECT COUNT(*) FROM read_csv('{_logs.Combine(Day2)}')"));

        Assert.Contains("reaches outside the flow log table", error.Message);
    }

    [Fact]
    public async Task DuckDB_spills_into_the_store_s_tmp_folder_never_the_current_one()
    {
        WriteTwoDays();

        var settings = await TotalsAsync(StoreFolder, sql: "SELECT current_setting('temp_directory') FROM flow_logs LIMIT 1");

        Assert.Equal(Path.Combine(new ColumnarStore(StoreFolder).Root, "tmp"), settings[0]);
    }

    /// <summary>Overwrites a file with as many bytes of garbage, keeping its modification time.</summary>
    private static void Garble(string path)
    {
        var modified = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', (int)new FileInfo(path).Length).ToArray());
        File.SetLastWriteTimeUtc(path, modified);
    }
}
