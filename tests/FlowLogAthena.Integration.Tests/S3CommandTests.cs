using FlowLogAthena.Aws.Tests.Support;

namespace FlowLogAthena.Integration.Tests;

/// <summary>S3 wherever a path goes: generate to S3, estimate and run the local engine over S3, export to S3.</summary>
[Collection(CliMotoTests.Name)]
public sealed class S3CommandTests(CliAgainstMoto aws) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generate_to_S3_then_estimate_run_locally_and_export_to_S3_with_a_manifest()
    {
        var bucket = "gen-" + Guid.NewGuid().ToString("N")[..10];
        using (var clients = aws.Moto.CreateClients()) await clients.S3.PutBucketAsync(bucket);

        var generated = await InProcessCli.RunAsync("generate", "--out", $"s3://{bucket}/logs", "--records", "3000", "--from", "2026-11-01", "--to", "2026-11-04", "--seed", "5");
        var local = await InProcessCli.RunAsync("generate", "--out", _temp.Combine("same"), "--records", "3000", "--from", "2026-11-01", "--to", "2026-11-04", "--seed", "5");
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        Assert.Equal(0, local.ExitCode);
        var keys = await Boto3.RunAsync(aws.Moto, $"out(sorted(o['Key'] for o in client('s3').list_objects_v2(Bucket='{bucket}')['Contents']))");
        var expected = Directory.EnumerateFiles(_temp.Combine("same"), "*", SearchOption.AllDirectories)
            .Select(f => "logs/" + Path.GetRelativePath(_temp.Combine("same"), f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(expected, keys.EnumerateArray().Select(k => k.GetString()));

        var estimate = await InProcessCli.RunAsync("estimate", "top-talkers", "--source", $"s3://{bucket}/logs", "--from", "2026-11-02", "--to", "2026-11-04");
        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        Assert.Matches(@"│ 8 +│ 8 +│", estimate.Stdout); // 2 days × 2 accounts × 2 regions: partitions and objects

        var fromS3 = await InProcessCli.RunAsync("run", "top-talkers", "--source", $"s3://{bucket}/logs", "--from", "2026-11-02", "--to", "2026-11-04",
            "--cache", _temp.Combine("cache"), "--output", "csv", "--out", $"s3://{bucket}/reports/top.csv");
        var fromDisk = await InProcessCli.RunAsync("run", "top-talkers", "--source", _temp.Combine("same"), "--from", "2026-11-02", "--to", "2026-11-04", "--output", "csv");
        Assert.True(fromS3.ExitCode == 0, fromS3.Stderr);
        var exported = await Boto3.RunAsync(aws.Moto, $$"""
            s3 = client('s3')
            body = s3.get_object(Bucket='{{bucket}}', Key='reports/top.csv')['Body'].read().decode()
            head = s3.head_object(Bucket='{{bucket}}', Key='reports/top.csv')
            manifest = s3.get_object(Bucket='{{bucket}}', Key='reports/top.csv.manifest.json')['Body'].read().decode()
            out({'body': body, 'sse': head.get('ServerSideEncryption'), 'manifest': manifest})
            """);
        Assert.Equal(fromDisk.Stdout, exported.GetProperty("body").GetString());
        Assert.Equal("AES256", exported.GetProperty("sse").GetString());
        Assert.Contains("\"query\": \"top-talkers\"", exported.GetProperty("manifest").GetString());
        Assert.DoesNotContain(CliAgainstMoto.SecretKey, generated.Stderr + estimate.Stdout + estimate.Stderr + fromS3.Stdout + fromS3.Stderr);
    }

    [Fact]
    public async Task Verbose_shows_every_S3_call_with_bucket_key_and_status_and_never_a_secret()
    {
        var bucket = "verbose-" + Guid.NewGuid().ToString("N")[..10];
        using (var clients = aws.Moto.CreateClients()) await clients.S3.PutBucketAsync(bucket);
        Assert.Equal(0, (await InProcessCli.RunAsync("generate", "--out", $"s3://{bucket}/logs", "--records", "500", "--from", "2026-11-01", "--to", "2026-11-03")).ExitCode);

        var run = await InProcessCli.RunAsync("run", "top-talkers", "--verbose", "--source", $"s3://{bucket}/logs", "--from", "2026-11-01", "--to", "2026-11-02",
            "--cache", _temp.Combine("cache"), "--output", "csv", "--out", $"s3://{bucket}/reports/top.csv");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"aws: s3.ListObjectsV2 {bucket}/logs/AWSLogs/", run.Stderr);
        Assert.Contains($"aws: s3.GetObject {bucket}/logs/AWSLogs/", run.Stderr);
        Assert.Contains($"aws: s3.PutObject {bucket}/reports/top.csv attempt 1: HTTP 200", run.Stderr);
        Assert.DoesNotContain(CliAgainstMoto.SecretKey, run.Stdout + run.Stderr);
        Assert.DoesNotContain("AKIAINTEGRATION00001", run.Stdout + run.Stderr);
        Assert.DoesNotContain("Signature=", run.Stdout + run.Stderr);
    }

    [Theory]
    [InlineData("AWS_MAX_ATTEMPTS", "zero")]
    [InlineData("AWS_RETRY_MODE", "turbo")]
    public async Task A_bad_retry_setting_is_bad_input_naming_the_variable(string variable, string value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var run = await InProcessCli.RunAsync("run", "top-talkers", "--source", "s3://any-bucket/logs", "--from", "2026-11-01", "--to", "2026-11-02");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{variable} is '{value}'", run.Stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
