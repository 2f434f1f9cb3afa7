using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// Against a real AWS account, only when asked: FLOWLOG_ATHENA_LIVE=1, credentials in the standard chain, and
///   FLOWLOG_ATHENA_LIVE_SOURCE   s3://bucket/prefix holding AWSLogs/ (default-format flow logs, default layout)
///   FLOWLOG_ATHENA_LIVE_OUTPUT   s3:// folder for Athena results
///   FLOWLOG_ATHENA_LIVE_FROM/_TO the window to query (dates), FLOWLOG_ATHENA_LIVE_WORKGROUP (default primary).
/// It provisions flowlog_athena_live.vpc_flow_logs (projection), runs top-talkers on Athena and on the local
/// engine over the same S3 window, and checks both answers agree; then does the same for a generated Hive-compatible
/// day it uploads beside the output folder (and deletes), and compacts a generated text table into its Parquet twin by
/// Athena's UNLOAD (uploaded there too, and deleted). Otherwise it is skipped, saying why.
/// </summary>
[Collection(LiveAws.Name)]
public sealed class LiveAwsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "flowlog-athena-live", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new SkipException($"{name} is not set.");

    /// <summary>Skips unless the live suite was asked for and the standard chain finds credentials.</summary>
    private static async Task RequireLiveAccountAsync()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("FLOWLOG_ATHENA_LIVE") == "1",
            "Live AWS suite not requested: set FLOWLOG_ATHENA_LIVE=1 with credentials and FLOWLOG_ATHENA_LIVE_SOURCE/_OUTPUT/_FROM/_TO to run it.");
        try
        {
            _ = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
        }
        catch (Exception e)
        {
            throw new SkipException("FLOWLOG_ATHENA_LIVE=1 but no AWS credentials were found in the standard chain: " + e.GetType().Name);
        }
    }

    private static string Workgroup => Environment.GetEnvironmentVariable("FLOWLOG_ATHENA_LIVE_WORKGROUP") ?? "primary";

    private static string[] Rows(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Replace("\"", "", StringComparison.Ordinal)).ToArray();

    [SkippableFact]
    public async Task Athena_and_the_local_engine_agree_on_top_talkers_in_a_real_account()
    {
        await RequireLiveAccountAsync();
        var (source, output, from, to) = (Variable("FLOWLOG_ATHENA_LIVE_SOURCE"), Variable("FLOWLOG_ATHENA_LIVE_OUTPUT"), Variable("FLOWLOG_ATHENA_LIVE_FROM"), Variable("FLOWLOG_ATHENA_LIVE_TO"));

        var provision = await InProcessCli.RunAsync("provision", "--source", source, "--database", "flowlog_athena_live", "--table", "vpc_flow_logs", "--start-date", from, "--update");
        Assert.True(provision.ExitCode == 0, provision.Stderr);
        var athena = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "flowlog_athena_live", "--table", "vpc_flow_logs",
            "--workgroup", Workgroup, "--output-location", output, "--from", from, "--to", to, "--timeout", "10m", "--output", "csv", "--out", Path.Combine(_out, "athena.csv"));
        Assert.True(athena.ExitCode == 0, athena.Stderr);
        var local = await InProcessCli.RunAsync("run", "top-talkers", "--source", source, "--from", from, "--to", to, "--cache", Path.Combine(_out, "cache"),
            "--output", "csv", "--out", Path.Combine(_out, "local.csv"));
        Assert.True(local.ExitCode == 0, local.Stderr);

        Assert.Equal(Rows(Path.Combine(_out, "local.csv")), Rows(Path.Combine(_out, "athena.csv")));
    }

    /// <summary>
    /// The Hive-compatible projection (one date key whose format holds the literal <c>year=</c>, <c>month=</c>,
    /// <c>day=</c> text, see docs/DESIGN.md) proven on real Athena: the same generated day is written locally and
    /// under a fresh prefix beside FLOWLOG_ATHENA_LIVE_OUTPUT, which is deleted afterwards.
    /// </summary>
    [SkippableFact]
    public async Task Athena_projects_a_hive_compatible_layout_and_agrees_with_the_local_engine()
    {
        await RequireLiveAccountAsync();
        var output = Variable("FLOWLOG_ATHENA_LIVE_OUTPUT");
        var prefix = $"{output.TrimEnd('/')}/flowlog-athena-live-hive-{Guid.NewGuid():N}";
        var localCopy = Path.Combine(_out, "hive");
        string[] generate = ["generate", "--layout", "hive", "--from", "2026-11-02", "--to", "2026-11-04", "--records", "20000",
            "--accounts", "012345678901", "--regions", "us-east-1", "--files-per-partition", "2", "--seed", "11"];
        try
        {
            foreach (var target in new[] { localCopy, prefix })
            {
                var written = await InProcessCli.RunAsync([.. generate, "--out", target]);
                Assert.True(written.ExitCode == 0, written.Stderr);
            }
            var provision = await InProcessCli.RunAsync("provision", "--source", prefix, "--layout", "hive", "--database", "flowlog_athena_live",
                "--table", "vpc_flow_logs_hive", "--start-date", "2026-11-01", "--update");
            Assert.True(provision.ExitCode == 0, provision.Stderr);
            // One day of the two: the projection must prune to exactly it.
            var athena = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "flowlog_athena_live", "--table", "vpc_flow_logs_hive",
                "--layout", "hive", "--workgroup", Workgroup, "--output-location", output, "--from", "2026-11-03", "--to", "2026-11-04", "--timeout", "10m",
                "--output", "csv", "--out", Path.Combine(_out, "athena-hive.csv"));
            Assert.True(athena.ExitCode == 0, athena.Stderr);
            var local = await InProcessCli.RunAsync("run", "top-talkers", "--source", localCopy, "--layout", "hive", "--from", "2026-11-03", "--to", "2026-11-04",
                "--output", "csv", "--out", Path.Combine(_out, "local-hive.csv"));
            Assert.True(local.ExitCode == 0, local.Stderr);

            Assert.NotEmpty(Rows(Path.Combine(_out, "local-hive.csv")));
            Assert.Equal(Rows(Path.Combine(_out, "local-hive.csv")), Rows(Path.Combine(_out, "athena-hive.csv")));
        }
        finally
        {
            await DeletePrefixAsync(prefix);
        }
    }

    /// <summary>
    /// Compaction by Athena's UNLOAD, which moto cannot run: a generated two-day text source and its twin under fresh
    /// prefixes beside FLOWLOG_ATHENA_LIVE_OUTPUT (deleted afterwards); a pack query on the twin's table must answer as
    /// on the text table, and a rerun must find both days up to date.
    /// </summary>
    [SkippableFact]
    public async Task Athena_compacts_a_text_table_into_a_twin_that_answers_the_same()
    {
        await RequireLiveAccountAsync();
        var output = Variable("FLOWLOG_ATHENA_LIVE_OUTPUT");
        var root = $"{output.TrimEnd('/')}/flowlog-athena-live-compact-{Guid.NewGuid():N}";
        var (text, twin) = ($"{root}/text", $"{root}/twin");
        try
        {
            var written = await InProcessCli.RunAsync("generate", "--out", text, "--from", "2026-11-02", "--to", "2026-11-04", "--records", "20000",
                "--accounts", "012345678901", "--regions", "us-east-1", "--files-per-partition", "2", "--seed", "13");
            Assert.True(written.ExitCode == 0, written.Stderr);
            var provision = await InProcessCli.RunAsync("provision", "--source", text, "--database", "flowlog_athena_live", "--table", "vpc_compact_text",
                "--start-date", "2026-11-01", "--update");
            Assert.True(provision.ExitCode == 0, provision.Stderr);
            string[] compact = ["compact", "--database", "flowlog_athena_live", "--table", "vpc_compact_text", "--twin", twin, "--twin-table", "vpc_compact_twin",
                "--from", "2026-11-02", "--to", "2026-11-04", "--workgroup", Workgroup, "--output-location", output, "--timeout", "10m"];
            var first = await InProcessCli.RunAsync(compact);
            Assert.True(first.ExitCode == 0, first.Stderr);
            Assert.Contains("2 days compacted", first.Stderr);

            foreach (var table in new[] { "vpc_compact_text", "vpc_compact_twin" })
            {
                var run = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "flowlog_athena_live", "--table", table,
                    "--workgroup", Workgroup, "--output-location", output, "--from", "2026-11-02", "--to", "2026-11-04", "--timeout", "10m",
                    "--output", "csv", "--out", Path.Combine(_out, table + ".csv"));
                Assert.True(run.ExitCode == 0, run.Stderr);
            }
            Assert.NotEmpty(Rows(Path.Combine(_out, "vpc_compact_text.csv")));
            Assert.Equal(Rows(Path.Combine(_out, "vpc_compact_text.csv")), Rows(Path.Combine(_out, "vpc_compact_twin.csv")));

            var rerun = await InProcessCli.RunAsync(compact);
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            Assert.Contains("0 days compacted, 2 up to date", rerun.Stderr);
        }
        finally
        {
            await DeletePrefixAsync(root);
        }
    }

    private static async Task DeletePrefixAsync(string s3Prefix)
    {
        var withoutScheme = s3Prefix["s3://".Length..];
        var bucket = withoutScheme[..withoutScheme.IndexOf('/', StringComparison.Ordinal)];
        var keyPrefix = withoutScheme[(bucket.Length + 1)..] + "/";
        using var s3 = new AmazonS3Client();
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = keyPrefix, ContinuationToken = token });
            if (page.S3Objects is { Count: > 0 } objects)
                await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = objects.Select(o => new KeyVersion { Key = o.Key }).ToList() });
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAws
{
    public const string Name = "live AWS";
}
