using Amazon.S3.Model;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Aws.Tests.S3;

/// <summary>S3 sources (pruned listing, window sync) and exports (encrypted, whole or nothing) against moto.</summary>
[Collection(MotoTests.Name)]
public sealed class S3SourceAndExportMotoTests(MotoServer moto) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    private static string Bucket() => "b-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task PutAsync(Amazon.S3.AmazonS3Client s3, string bucket, string key, string content) =>
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content }, None);

    private static async Task<string> SeedAsync(Amazon.S3.AmazonS3Client s3)
    {
        var bucket = Bucket();
        await s3.PutBucketAsync(bucket, None);
        foreach (var (account, region, day) in new[] { ("012345678901", "us-east-1", "01"), ("012345678901", "us-east-1", "02"), ("012345678901", "eu-west-1", "03"), ("210987654321", "us-east-1", "02"), ("210987654321", "us-east-1", "05") })
            await PutAsync(s3, bucket, $"prefix/AWSLogs/{account}/vpcflowlogs/{region}/2026/11/{day}/{account}_vpcflowlogs_{region}_fl-1_202611{day}T0100Z_abcd.log.gz", $"data {account} {region} {day}");
        await PutAsync(s3, bucket, "prefix/AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/readme.txt", "not a log");
        return bucket;
    }

    [Fact]
    public async Task Listing_visits_only_the_window_partitions_of_every_account_and_region()
    {
        using var aws = moto.CreateClients();
        var bucket = await SeedAsync(aws.S3);
        var source = new FlowLogSource($"s3://{bucket}/prefix", FlowLogFormat.Default, SourceLayout.DefaultLayout);

        var files = await new S3LogFileLister(aws.S3).ListAsync(source, TimeWindow.Parse("2026-11-02", "2026-11-04"), None);

        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.StartsWith($"s3://{bucket}/prefix/AWSLogs/", f.Path));
        Assert.Equal(["012345678901/eu-west-1/03", "012345678901/us-east-1/02", "210987654321/us-east-1/02"],
            files.Select(f => $"{f.Account}/{f.Region}/{f.PartitionStartUtc:dd}").Order(StringComparer.Ordinal));
        var pairs = await new S3LogFileLister(aws.S3).AccountsAndRegionsAsync(source, None);
        Assert.Equal(3, pairs.Count);
    }

    [Fact]
    public async Task Sync_mirrors_the_window_objects_locally_and_reuses_them_on_the_next_run()
    {
        using var aws = moto.CreateClients();
        var bucket = await SeedAsync(aws.S3);
        var source = new FlowLogSource($"s3://{bucket}/prefix", FlowLogFormat.Default, SourceLayout.DefaultLayout);
        var cache = new S3SourceCache(aws.S3, _cache);

        var first = await cache.SyncAsync(source, TimeWindow.Parse("2026-11-02", "2026-11-03"), None);
        var second = await cache.SyncAsync(source, TimeWindow.Parse("2026-11-02", "2026-11-03"), None);

        Assert.Equal((2, 0), (first.Downloaded, first.Reused));
        Assert.Equal((0, 2), (second.Downloaded, second.Reused));
        var local = Path.Combine(first.LocalSource.Root, "AWSLogs", "210987654321", "vpcflowlogs", "us-east-1", "2026", "11", "02", "210987654321_vpcflowlogs_us-east-1_fl-1_20261102T0100Z_abcd.log.gz");
        Assert.Equal("data 210987654321 us-east-1 02", await File.ReadAllTextAsync(local));
        Assert.Empty(Directory.EnumerateFiles(_cache, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(1024 * 1024)]      // one PutObject
    [InlineData(200)]              // multipart: tiny threshold, several parts
    public async Task Exports_are_uploaded_whole_and_encrypted(int multipartThreshold)
    {
        using var aws = moto.CreateClients();
        var bucket = Bucket();
        await aws.S3.PutBucketAsync(bucket, None);
        var options = new S3WriteOptions { MultipartThresholdBytes = multipartThreshold, PartSizeBytes = 5L << 20 };
        var target = new S3Uri(bucket, "reports/top.csv");
        var sink = new S3ResultSink(new S3Uploader(aws.S3, options), target, ResultFormat.Csv);
        var columns = new[] { new ResultColumn("srcaddr", "VARCHAR", typeof(string)), new ResultColumn("bytes", "BIGINT", typeof(long)) };

        var rows = await sink.WriteAsync(columns, Rows(20_000), None);

        Assert.Equal(20_000, rows);
        var head = await Boto3.RunAsync(moto, $"h = client('s3').head_object(Bucket='{bucket}', Key='reports/top.csv'); out({{'sse': h.get('ServerSideEncryption'), 'length': h['ContentLength']}})");
        Assert.Equal("AES256", head.GetProperty("sse").GetString());
        Assert.Equal(sink.Bytes, head.GetProperty("length").GetInt64());
        Assert.Equal(64, sink.Sha256!.Length);
    }

    [Fact]
    public async Task A_failed_export_leaves_no_object_and_no_multipart_upload()
    {
        using var aws = moto.CreateClients();
        var bucket = Bucket();
        await aws.S3.PutBucketAsync(bucket, None);
        var target = new S3Uri(bucket, "reports/broken.csv");
        var sink = new S3ResultSink(new S3Uploader(aws.S3, new S3WriteOptions()), target, ResultFormat.Csv);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync([new ResultColumn("a", "VARCHAR", typeof(string))], Failing(), None));

        var listing = await Boto3.RunAsync(moto, $"s3 = client('s3'); out({{'objects': s3.list_objects_v2(Bucket='{bucket}').get('KeyCount', 0), 'uploads': len(s3.list_multipart_uploads(Bucket='{bucket}').get('Uploads', []))}})");
        Assert.Equal(0, listing.GetProperty("objects").GetInt32());
        Assert.Equal(0, listing.GetProperty("uploads").GetInt32());
    }

    private static async IAsyncEnumerable<object?[]> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 1000 == 0) await Task.Yield();
            yield return [$"10.0.{i / 256 % 256}.{i % 256}", (long)i * 1000];
        }
    }

    private static async IAsyncEnumerable<object?[]> Failing()
    {
        yield return ["x"];
        await Task.Yield();
        throw new InvalidOperationException("engine failed mid-stream");
    }
}
