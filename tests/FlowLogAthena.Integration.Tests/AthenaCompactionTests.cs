using Amazon.S3.Model;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Compaction;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Integration.Tests.Support;
using FlowLogAthena.Local.Tests.Parity;
using FlowLogAthena.Synthetic;
using ResultSet = FlowLogAthena.Local.Tests.Parity.ResultSet;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// Compaction by Athena against moto's S3 and Athena control plane, the UNLOAD itself run by DuckDB
/// (<see cref="UnloadingAthena"/>): what is published holds exactly the text table's rows; a failed or cancelled
/// UNLOAD publishes nothing, leaves no staging and (when cancelled) is stopped.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class AthenaCompactionTests(CliAgainstMoto aws) : IAsyncLifetime, IDisposable
{
    private static readonly FlowLogFormat Format = FlowLogFormat.AllVpcFields;
    private readonly TempFolder _temp = new();
    private readonly string _bucket = "athena-compact-" + Guid.NewGuid().ToString("N")[..8];
    private Aws.Runtime.AwsClients _clients = null!;

    private Amazon.S3.AmazonS3Client S3 => _clients.S3;

    public async Task InitializeAsync()
    {
        _clients = aws.Moto.CreateClients();
        await S3.PutBucketAsync(_bucket);
    }

    public Task DisposeAsync()
    {
        _clients.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Generated text logs, uploaded below s3://bucket/vpc, and the Glue-shaped table DuckDB holds them in.</summary>
    private async Task<(FlowLogSource Text, GlueTableOnDuckDb Table)> SeedAsync(SourceLayout layout, TimeWindow span, IReadOnlyList<string>? accounts = null)
    {
        var local = _temp.Combine("text");
        await FlowLogGenerator.GenerateAsync(new GeneratorOptions
        {
            Root = local,
            Format = Format,
            Layout = layout,
            Window = span,
            Records = 6_000,
            Seed = 7,
            Accounts = accounts ?? ["012345678901", "123456789012"],
        });
        foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories))
            await S3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "vpc/" + Path.GetRelativePath(local, file).Replace('\\', '/'), FilePath = file });
        var localSource = new FlowLogSource(local, Format, layout);
        var files = await new LocalLogFileLister().ListAsync(localSource, span, CancellationToken.None);
        return (localSource with { Root = $"s3://{_bucket}/vpc" }, await GlueTableOnDuckDb.CreateAsync(localSource, files));
    }

    private (TwinCompactor Compactor, UnloadingAthena Athena) Compactor(GlueTableOnDuckDb table, bool failAfterWriting = false)
    {
        var athena = new UnloadingAthena(_clients.Athena, S3, table, _temp.Combine("unload")) { FailAfterWriting = failAfterWriting };
        var options = MotoAthena.EngineOptions(_bucket) with { Database = table.Definition.Database, Table = table.Definition.Name };
        var writer = new AthenaTwinDayWriter(new AthenaEngine(options, athena, S3), S3, null);
        return (new TwinCompactor(S3, new S3WriteOptions(), writer), athena);
    }

    private async Task<List<string>> KeysAsync(string prefix) =>
        ((await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix })).S3Objects ?? []).Select(o => o.Key).ToList();

    /// <summary>Every row of the twin as published, read back through a Glue-shaped table over a download of it.</summary>
    private async Task<ResultSet> TwinRowsAsync(FlowLogSource twin, TimeWindow span)
    {
        var local = _temp.Combine("twin-download-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var key in await KeysAsync("twin/AWSLogs/"))
        {
            var path = Path.Combine(local, key["twin/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var response = await S3.GetObjectAsync(_bucket, key);
            await response.WriteResponseStreamToFileAsync(path, append: false, CancellationToken.None);
        }
        var localTwin = twin with { Root = local };
        await using var table = await GlueTableOnDuckDb.CreateAsync(localTwin, await new LocalLogFileLister().ListAsync(localTwin, span, CancellationToken.None));
        return await AllRowsAsync(table, span);
    }

    private static Task<ResultSet> AllRowsAsync(GlueTableOnDuckDb table, TimeWindow span) =>
        table.RunAsync(new RenderedQuery("all rows", SqlDialect.Athena, $"SELECT * FROM {table.TableReference} ORDER BY ALL", span, new Dictionary<string, string>()));

    [Fact]
    public async Task Unloaded_days_are_published_with_exactly_the_text_rows_and_a_rerun_sends_nothing()
    {
        var span = TimeWindow.Parse("2026-11-01", "2026-11-03");
        var (text, table) = await SeedAsync(SourceLayout.DefaultLayout, span);
        await using var _ = table;
        var twin = TwinLayout.For(text, $"s3://{_bucket}/twin");
        var (compactor, athena) = Compactor(table);

        var days = await compactor.CompactAsync(text, twin, span, force: false, CancellationToken.None);

        Assert.Equal([TwinDayState.Compacted, TwinDayState.Compacted], days.Select(d => d.State));
        Assert.Equal(2, athena.Statements.Count);
        Assert.Contains("WHERE \"day\" = '2026/11/01')", athena.Statements[0], StringComparison.Ordinal);
        Assert.Empty(await KeysAsync("twin/_flowlog-athena/staging/"));
        Assert.Equal(["twin/_flowlog-athena/compacted/2026-11-01.json", "twin/_flowlog-athena/compacted/2026-11-02.json"], await KeysAsync("twin/_flowlog-athena/compacted/"));
        ResultComparison.AssertIdentical(await AllRowsAsync(table, span), await TwinRowsAsync(twin, span), "the twin against the text table");

        var (again, rerunAthena) = Compactor(table);
        var rerun = await again.CompactAsync(text, twin, span, force: false, CancellationToken.None);
        Assert.All(rerun, d => Assert.Equal(TwinDayState.UpToDate, d.State));
        Assert.Empty(rerunAthena.Statements);
    }

    [Fact]
    public async Task A_day_with_more_partitions_than_one_unload_may_write_is_split_by_account_and_region()
    {
        // Three accounts × two regions × 24 hours = 144 partitions in a day; Athena writes at most 100 per UNLOAD.
        var span = TimeWindow.Parse("2026-11-02", "2026-11-03");
        var (text, table) = await SeedAsync(new SourceLayout(PrefixStyle.Default, Partitioning.Hourly), span, ["012345678901", "123456789012", "234567890123"]);
        await using var _ = table;
        var twin = TwinLayout.For(text, $"s3://{_bucket}/twin");
        var (compactor, athena) = Compactor(table);

        await compactor.CompactAsync(text, twin, span, force: false, CancellationToken.None);

        Assert.Equal(2, athena.Statements.Count);
        Assert.All(athena.Statements, s => Assert.Contains("(\"aws_account_id\", \"aws_region\") IN (", s, StringComparison.Ordinal));
        Assert.All(athena.Statements, s => Assert.Contains("partitioned_by = ARRAY['aws_account_id', 'aws_region', 'hour']", s, StringComparison.Ordinal));
        ResultComparison.AssertIdentical(await AllRowsAsync(table, span), await TwinRowsAsync(twin, span), "the hourly twin against the text table");
    }

    [Fact]
    public async Task A_failed_unload_publishes_nothing_and_its_orphaned_files_are_removed()
    {
        var span = TimeWindow.Parse("2026-11-01", "2026-11-02");
        var (text, table) = await SeedAsync(SourceLayout.DefaultLayout, span);
        await using var _ = table;
        var (compactor, _) = Compactor(table, failAfterWriting: true);

        var error = await Assert.ThrowsAsync<AthenaQueryFailedException>(() =>
            compactor.CompactAsync(text, TwinLayout.For(text, $"s3://{_bucket}/twin"), span, force: false, CancellationToken.None));

        Assert.Contains("HIVE_BAD_DATA", error.Message, StringComparison.Ordinal);
        Assert.Empty(await KeysAsync("twin/"));
    }

    [Fact]
    public async Task A_cancelled_unload_is_stopped_and_publishes_nothing()
    {
        var span = TimeWindow.Parse("2026-11-01", "2026-11-02");
        var (text, table) = await SeedAsync(SourceLayout.DefaultLayout, span);
        await using var _ = table;
        var (compactor, athena) = Compactor(table);
        await MotoAthena.HoldExecutionsAsync(aws.Moto);
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                compactor.CompactAsync(text, TwinLayout.For(text, $"s3://{_bucket}/twin"), span, force: false, cancel.Token));
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(aws.Moto);
        }

        Assert.Equal(1, athena.Stops);
        var states = await Boto3.RunAsync(aws.Moto, $"""
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Status']['State'] for x in qs if '{_bucket}' in x['Query']])
            """);
        Assert.Equal(["CANCELLED"], states.EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(await KeysAsync("twin/"));
    }
}
