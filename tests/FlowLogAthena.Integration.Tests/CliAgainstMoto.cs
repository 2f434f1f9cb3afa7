using Amazon.S3.Model;
using FlowLogAthena.Aws.Tests.Support;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// Runs the CLI in-process against a moto server, with the AWS settings a user would export
/// (AWS_ENDPOINT_URL, region and keys). Tests using it share one collection, so they run one at a time
/// and the process environment is theirs while they run.
/// </summary>
public sealed class CliAgainstMoto : IAsyncLifetime
{
    public const string SecretKey = "integrationSecret/DoNotLeak+9f8e7d6c5b4a";
    private readonly MotoServer _moto = new();

    public MotoServer Moto => _moto;

    public async Task InitializeAsync()
    {
        await _moto.InitializeAsync();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", _moto.Endpoint.ToString());
        Environment.SetEnvironmentVariable("AWS_REGION", MotoServer.Region);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAINTEGRATION00001");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
    }

    public async Task DisposeAsync()
    {
        foreach (var name in new[] { "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
            Environment.SetEnvironmentVariable(name, null);
        await _moto.DisposeAsync();
    }

    /// <summary>Generates logs locally and uploads them below s3://bucket/prefix, keys as AWS names them.</summary>
    public async Task<string> SeedLogsAsync(string bucket, string prefix, string format, string layoutArgs = "")
    {
        var local = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var args = new List<string> { "generate", "--out", local, "--records", "4000", "--from", "2026-11-01", "--to", "2026-11-05", "--format", format };
            args.AddRange(layoutArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var generated = await InProcessCli.RunAsync([.. args]);
            Assert.True(generated.ExitCode == 0, generated.Stderr);
            using var aws = _moto.CreateClients();
            await aws.S3.PutBucketAsync(bucket);
            foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories))
                await aws.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"{prefix}/{Path.GetRelativePath(local, file).Replace('\\', '/')}", FilePath = file });
            return $"s3://{bucket}/{prefix}";
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CliMotoTests : ICollectionFixture<CliAgainstMoto>
{
    public const string Name = "CLI against moto";
}
