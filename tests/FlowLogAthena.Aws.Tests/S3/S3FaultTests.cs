using Amazon.S3.Model;
using FlowLogAthena.Aws.S3;

namespace FlowLogAthena.Aws.Tests.S3;

/// <summary>S3 under network faults: retried as the policy says, traced like Athena and Glue, and a clear system error when S3 cannot be reached.</summary>
[Collection(MotoTests.Name)]
public sealed class S3FaultTests(MotoServer moto) : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"s3-fault-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    private AwsClients Clients(HttpMessageHandler handler, List<AwsCallRecord> trace, int attempts = 3) =>
        AwsClients.Create(moto.Settings with { Retry = AwsRetryPolicy.For(RetryMode.Standard, attempts) }, MotoServer.Credentials, handler, r => { lock (trace) trace.Add(r); });

    private static async Task<string> BucketAsync(AwsClients aws)
    {
        var bucket = "faults-" + Guid.NewGuid().ToString("N")[..10];
        await aws.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }

    [Theory]
    [InlineData(AwsFaultKind.Reset)]
    [InlineData(AwsFaultKind.Refused)]
    [InlineData(AwsFaultKind.ServerError)]
    public async Task An_upload_is_retried_through_transient_faults_and_every_attempt_is_traced(AwsFaultKind kind)
    {
        File.WriteAllText(_file, "a,b\n1,2\n");
        using var faults = new S3FaultHandler(HttpMethod.Put, "/out/", kind, times: 2);
        var trace = new List<AwsCallRecord>();
        using var aws = Clients(faults, trace);
        var bucket = await BucketAsync(aws);

        await new S3Uploader(aws.S3, new S3WriteOptions()).UploadAsync(_file, S3Uri.Parse($"s3://{bucket}/out/r.csv", "--out"), "text/csv", CancellationToken.None);

        var puts = trace.Where(t => t.Operation == $"PutObject {bucket}/out/r.csv").ToList();
        // Two faults, then the attempt that lands (the SDK numbers a reset connection's retry as the same attempt).
        Assert.Equal(3, puts.Count);
        Assert.All(puts.Take(2), p => Assert.NotNull(p.ErrorCode));
        Assert.Equal(200, puts[^1].StatusCode);
        using var head = await aws.S3.GetObjectAsync(bucket, "out/r.csv");
        Assert.Equal("a,b\n1,2\n", await new StreamReader(head.ResponseStream).ReadToEndAsync());
    }

    [Fact]
    public async Task An_unreachable_S3_is_a_system_error_naming_the_object_and_nothing_is_written()
    {
        File.WriteAllText(_file, "a\n");
        using var faults = new S3FaultHandler(HttpMethod.Put, "/out/", AwsFaultKind.Refused, times: int.MaxValue);
        var trace = new List<AwsCallRecord>();
        using var aws = Clients(faults, trace, attempts: 2);
        var bucket = await BucketAsync(aws);

        var error = await Assert.ThrowsAsync<AwsClientException>(() =>
            new S3Uploader(aws.S3, new S3WriteOptions()).UploadAsync(_file, S3Uri.Parse($"s3://{bucket}/out/r.csv", "--out"), "text/csv", CancellationToken.None));

        Assert.Contains($"Cannot write s3://{bucket}/out/r.csv", error.Message);
        Assert.Contains("connection refused", error.Message);
        Assert.False(error.IsBadInput);
        Assert.Equal(2, trace.Count(t => t.Operation.StartsWith("PutObject", StringComparison.Ordinal)));
        var listed = await aws.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(listed.S3Objects ?? []);
    }

    [Fact]
    public async Task An_S3_answer_about_what_the_user_named_stays_bad_input()
    {
        var trace = new List<AwsCallRecord>();
        using var faults = new S3FaultHandler(HttpMethod.Put, "/out/", AwsFaultKind.Reset, times: 0);
        using var aws = Clients(faults, trace);
        var source = new FlowLogSource("s3://no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] + "/logs", FlowLogFormat.Default, SourceLayout.DefaultLayout);

        var error = await Assert.ThrowsAsync<SourceException>(() => new S3LogFileLister(aws.S3).AccountsAndRegionsAsync(source, CancellationToken.None));

        Assert.Contains("NoSuchBucket", error.Message);
        Assert.Contains(trace, t => t.Operation.StartsWith("ListObjectsV2 no-such-bucket-", StringComparison.Ordinal) && t.ErrorCode == "NoSuchBucket" && t.StatusCode == 404);
    }
}
