using System.Text.Json;
using System.Text.Json.Serialization;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Local.Tests.Running;

/// <summary>The one runner of many queries, on the real DuckDB engine and the shipped catalog.</summary>
public sealed class BatchRunnerTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Day = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/";
    private const string Record = "2 012345678901 eni-0a1 10.0.1.5 10.0.1.6 443 50123 6 10 8400 1793577700 1793577760 ACCEPT OK";
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private static readonly TimeWindow Window = TimeWindow.Parse("2026-11-02", "2026-11-03");
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    private BoundTable Table(TimeWindow? window = null) =>
        new(new DuckDbEngine(), new FlowLogSource(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout), window ?? Window);

    private BatchQuery Item(BoundTable table, string id, IReadOnlyDictionary<string, string>? parameters = null, bool emptyIsNoData = false)
    {
        var file = _logs.Combine("out", id + ".csv");
        return new BatchQuery
        {
            Query = Catalog.Get(id),
            Table = table,
            Parameters = parameters ?? new Dictionary<string, string>(),
            File = file,
            Sink = () => CsvSink.ToFile(file),
            EmptyWindowIsNoData = emptyIsNoData,
        };
    }

    private static Task<BatchResult> RunAsync(IEnumerable<BatchQuery> items, CancellationToken cancellationToken = default) =>
        new BatchRunner(TimeProvider.System).RunAsync(items, null, cancellationToken);

    [Fact]
    public async Task Queries_the_format_or_the_parameters_cannot_serve_are_skipped_with_the_reason_and_the_rest_run()
    {
        _logs.WriteGzip(Day + "a.log.gz", Header, Record);
        await using var table = Table();

        var result = await RunAsync([Item(table, "traffic-path"), Item(table, "traffic-from-address"), Item(table, "top-talkers")]);

        Assert.Null(result.Stopped);
        Assert.Equal([QueryStatus.Skipped, QueryStatus.Skipped, QueryStatus.Ok], result.Outcomes.Select(o => o.Status));
        Assert.Contains("flow-direction", result.Outcomes[0].Reason);
        Assert.Contains("--param address=", result.Outcomes[1].Reason);
        Assert.Equal(1, result.Outcomes[2].Rows);
        Assert.True(File.Exists(result.Outcomes[2].File));
    }

    [Fact]
    public async Task A_failing_query_is_recorded_and_removes_its_older_file_while_the_next_still_runs()
    {
        _logs.WriteGzip(Day + "a.log.gz", Header, Record);
        await using var table = Table();
        var failing = Item(table, "top-talkers", new Dictionary<string, string> { ["limit"] = "lots" });
        Directory.CreateDirectory(Path.GetDirectoryName(failing.File)!);
        File.WriteAllText(failing.File!, "an older run's answer\n");

        var result = await RunAsync([failing, Item(table, "rejected-traffic")]);

        Assert.Null(result.Stopped);
        Assert.Equal([QueryStatus.Failed, QueryStatus.Ok], result.Outcomes.Select(o => o.Status));
        Assert.Contains("limit", result.Outcomes[0].Reason);
        Assert.False(File.Exists(failing.File), "a failed query must not leave an older answer beside this run's summary");
    }

    [Fact]
    public async Task An_empty_window_stops_the_run_as_a_typed_stop_carrying_the_error()
    {
        _logs.WriteGzip(Day + "a.log.gz", Header, Record);
        await using var table = Table(TimeWindow.Parse("2026-10-01", "2026-10-02"));

        var result = await RunAsync([Item(table, "top-talkers"), Item(table, "rejected-traffic")]);

        var stop = Assert.IsType<RunStop.SourceFailed>(result.Stopped);
        Assert.IsType<TimeWindowException>(stop.Cause);
        Assert.Equal(QueryStatus.Failed, Assert.Single(result.Outcomes).Status);
        Assert.Throws<TimeWindowException>(() => result.Stopped.ThrowIfStopped(CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_window_is_no_data_for_a_query_that_allows_it_and_the_run_goes_on()
    {
        _logs.WriteGzip(Day + "a.log.gz", Header, Record);
        await using var table = Table();
        var earlier = table.Over(TimeWindow.Parse("2026-10-01", "2026-10-02"));

        var result = await RunAsync([Item(earlier, "top-talkers", emptyIsNoData: true), Item(table, "top-talkers")]);

        Assert.Null(result.Stopped);
        Assert.Equal([QueryStatus.NoData, QueryStatus.Ok], result.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task Cancelling_stops_the_run_as_cancelled_naming_the_query()
    {
        _logs.WriteGzip(Day + "a.log.gz", Header, Record);
        await using var table = Table();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await RunAsync([Item(table, "top-talkers"), Item(table, "rejected-traffic")], cancel.Token);

        var stop = Assert.IsType<RunStop.Cancelled>(result.Stopped);
        Assert.Equal("traffic/top-talkers", stop.Query);
        Assert.Equal(QueryStatus.Cancelled, Assert.Single(result.Outcomes).Status);
        Assert.ThrowsAny<OperationCanceledException>(() => result.Stopped.ThrowIfStopped(cancel.Token));
    }

    [Fact]
    public void Every_status_is_spelled_the_same_in_summaries_and_json_manifests()
    {
        var json = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };
        foreach (var status in Enum.GetValues<QueryStatus>())
            Assert.Equal($"\"{status.ToText()}\"", JsonSerializer.Serialize(status, json));
        Assert.Equal(["ok", "skipped", "no-data", "failed", "cancelled", "pass", "fail"], Enum.GetValues<QueryStatus>().Select(s => s.ToText()));
    }

    [Theory]
    [InlineData(QueryStatus.Ok, 0, QueryStatus.Pass)]
    [InlineData(QueryStatus.Ok, 3, QueryStatus.Fail)]
    [InlineData(QueryStatus.Skipped, 0, QueryStatus.Skipped)]
    [InlineData(QueryStatus.Failed, 0, QueryStatus.Failed)]
    public void A_control_that_ran_passes_without_evidence_and_fails_with_it(QueryStatus status, long rows, QueryStatus verdict) =>
        Assert.Equal(verdict, QueryStatusText.Verdict(status, rows));
}
