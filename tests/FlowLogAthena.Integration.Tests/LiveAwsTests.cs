using Amazon.Runtime.Credentials;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// Against a real AWS account, only when asked: FLOWLOG_ATHENA_LIVE=1, credentials in the standard chain, and
///   FLOWLOG_ATHENA_LIVE_SOURCE   s3://bucket/prefix holding AWSLogs/ (default-format flow logs, default layout)
///   FLOWLOG_ATHENA_LIVE_OUTPUT   s3:// folder for Athena results
///   FLOWLOG_ATHENA_LIVE_FROM/_TO the window to query (dates), FLOWLOG_ATHENA_LIVE_WORKGROUP (default primary).
/// It provisions flowlog_athena_live.vpc_flow_logs (projection), runs top-talkers on Athena and on the local
/// engine over the same S3 window, and checks both answers agree. Otherwise it is skipped, saying why.
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

    [SkippableFact]
    public async Task Athena_and_the_local_engine_agree_on_top_talkers_in_a_real_account()
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
        var (source, output, from, to) = (Variable("FLOWLOG_ATHENA_LIVE_SOURCE"), Variable("FLOWLOG_ATHENA_LIVE_OUTPUT"), Variable("FLOWLOG_ATHENA_LIVE_FROM"), Variable("FLOWLOG_ATHENA_LIVE_TO"));
        var workgroup = Environment.GetEnvironmentVariable("FLOWLOG_ATHENA_LIVE_WORKGROUP") ?? "primary";

        var provision = await InProcessCli.RunAsync("provision", "--source", source, "--database", "flowlog_athena_live", "--table", "vpc_flow_logs", "--start-date", from, "--update");
        Assert.True(provision.ExitCode == 0, provision.Stderr);
        var athena = await InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "flowlog_athena_live", "--table", "vpc_flow_logs",
            "--workgroup", workgroup, "--output-location", output, "--from", from, "--to", to, "--timeout", "10m", "--output", "csv", "--out", Path.Combine(_out, "athena.csv"));
        Assert.True(athena.ExitCode == 0, athena.Stderr);
        var local = await InProcessCli.RunAsync("run", "top-talkers", "--source", source, "--from", from, "--to", to, "--cache", Path.Combine(_out, "cache"),
            "--output", "csv", "--out", Path.Combine(_out, "local.csv"));
        Assert.True(local.ExitCode == 0, local.Stderr);

        static string[] Rows(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Replace("\"", "", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Rows(Path.Combine(_out, "local.csv")), Rows(Path.Combine(_out, "athena.csv")));
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAws
{
    public const string Name = "live AWS";
}
