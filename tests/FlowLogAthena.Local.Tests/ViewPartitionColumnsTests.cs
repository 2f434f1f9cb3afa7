namespace FlowLogAthena.Local.Tests;

/// <summary>The view's partition columns are the listing's values for each file, whatever the file is called.</summary>
public sealed class ViewPartitionColumnsTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Record = "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443 50123 6 10 8400 1793577700 1793577760 ACCEPT OK";
    private static string Query(string hour = "") => $"SELECT aws_account_id, aws_region, day, {hour} count(*)::BIGINT FROM flow_logs GROUP BY ALL ORDER BY ALL";
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    private static async Task<List<string>> RowsAsync(string sql, FlowLogSource source, TimeWindow window, bool materialize)
    {
        await using var engine = new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = materialize }, new LocalLogFileLister());
        await using var result = await engine.ExecuteOnceAsync(new RenderedQuery("test", SqlDialect.DuckDb, sql, window, new Dictionary<string, string>()), source, CancellationToken.None);
        var rows = new List<string>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(string.Join(",", row));
        return rows;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Files_named_like_globs_get_their_own_folders_values(bool materialize)
    {
        foreach (var (account, region) in new[] { ("012345678901", "us-east-1"), ("000000000042", "eu-west-1") })
        {
            var day = $"AWSLogs/{account}/vpcflowlogs/{region}/2026/11/02/";
            _logs.WriteGzip(day + "a[1].log.gz", Header, Record);
            _logs.WriteGzip(day + "b*?.log.gz", Header, Record, Record);
        }
        var source = new FlowLogSource(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout);

        var rows = await RowsAsync(Query(), source, TimeWindow.Parse("2026-11-02", "2026-11-03"), materialize);

        Assert.Equal(["000000000042,eu-west-1,2026/11/02,3", "012345678901,us-east-1,2026/11/02,3"], rows);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hive_hourly_files_get_athenas_day_and_hour_values(bool materialize)
    {
        const string region = "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02";
        _logs.WriteGzip($"{region}/hour=10/a.log.gz", Header, Record);
        _logs.WriteGzip($"{region}/hour=11/a[2].log.gz", Header, Record, Record);
        _logs.WriteGzip($"{region}/hour=12/a.log.gz", Header, Record);
        var source = new FlowLogSource(_logs.Path, FlowLogFormat.Default, new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Text));

        var rows = await RowsAsync(Query("hour,"), source, TimeWindow.Parse("2026-11-02T10:30:00Z", "2026-11-02T12:00:00Z"), materialize);

        Assert.Equal(["012345678901,us-east-1,year=2026/month=11/day=02,10,1", "012345678901,us-east-1,year=2026/month=11/day=02,11,2"], rows);
    }
}
