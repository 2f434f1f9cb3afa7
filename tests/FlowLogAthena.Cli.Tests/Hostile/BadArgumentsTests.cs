namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// Every bad command line exits 2 with a message that names the culprit and says why: never a stack trace, never
/// "Unexpected", never exit 1. Wider than the list on purpose.
/// </summary>
public sealed class BadArgumentsTests : IDisposable
{
    private readonly SmallLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    public static TheoryData<string[], string> BadCommandLines() => new()
    {
        { ["run", "top-talkers", "--threads", "0"], "--threads '0' is out of range" },
        { ["run", "top-talkers", "--threads", "-4"], "--threads '-4' is out of range" },
        { ["run", "top-talkers", "--threads", "99999999999"], "--threads '99999999999' is out of range" },
        { ["run", "top-talkers", "--threads", "1e3"], "--threads '1e3' is out of range" },
        { ["job", "run", "x.yaml", "--threads", "100000"], "--threads '100000' is out of range" },
        { ["serve", "--jobs", ".", "--threads", "0"], "--threads '0' is out of range" },
        { ["serve", "--jobs", ".", "--max-concurrent-runs", "0"], "--max-concurrent-runs '0' is out of range" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", ""], "--out is empty" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", "  "], "--out is empty" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--out", "x.csv"], "--out needs --output csv or json" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--out", "s3://bucket/x.csv"], "--out needs --output csv or json" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", "s3://bucket/reports/"], "--out 's3://bucket/reports/' names a bucket or a folder, not an object" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", "s3://bucket"], "names a bucket or a folder, not an object" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", "s3://Bad_Bucket/x.csv"], "invalid bucket name 'Bad_Bucket'" },
        { ["run", "--pack", "traffic", "@src", "--from", "2026-11-02", "--to", "2026-11-03"], "--pack needs --out DIR" },
        { ["run", "--pack", "traffic", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--out", "s3://b/p"], "--pack needs --out DIR" },
        { ["run", "--pack", "nope", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--out", "o"], "No query pack 'nope'" },
        { ["run", "top-talkers", "--pack", "traffic", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--out", "o"], "not both or neither" },
        { ["run", "no-such-query", "@src", "--from", "2026-11-02", "--to", "2026-11-03"], "No query 'no-such-query'" },
        { ["run", "top-talkers", "@src", "--from", "10000-01-01", "--to", "10000-01-02"], "--from '10000-01-01' is not a date" },
        { ["run", "top-talkers", "@src", "--from", "9999-06-01", "--to", "9999-06-02"], "--from '9999-06-01' is outside" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "9999-12-31T23:59:59Z"], "--to '9999-12-31T23:59:59Z' is outside" },
        { ["run", "top-talkers", "@src", "--from", "0001-01-01", "--to", "2026-11-02"], "--from '0001-01-01' is outside" },
        { ["run", "top-talkers", "@src", "--from", "1969-12-31T23:59:59Z", "--to", "2026-11-02"], "is outside 1970-01-01" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-02"], "The time window is empty" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-03", "--to", "2026-11-02"], "The time window is empty" },
        { ["run", "top-talkers", "@src", "--from", "yesterday", "--to", "2026-11-02"], "--from 'yesterday' is not a date" },
        { ["run", "top-talkers", "@src", "--from", "2026-02-30", "--to", "2026-11-02"], "--from '2026-02-30' is not a date" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02T25:00:00Z", "--to", "2026-11-03"], "is not a date" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--param", "limit"], "--param 'limit' is not name=value" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--param", "=5"], "--param '=5' is not name=value" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--param", "limit=1", "--param", "limit=2"], "'limit' is given more than once" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--param", "limit=ten"], "limit" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--param", "limit=-1"], "limit" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--param", "limit=99999999999999999999"], "limit" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--engine", "oracle"], "oracle" },
        { ["render", "top-talkers", "--dialect", "oracle"], "--dialect 'oracle' is not athena" },
        { ["render", "top-talkers", "--dialect", ""], "--dialect '' is not athena" },
        { ["render", "top-talkers", "--from", "9999-12-31"], "--from '9999-12-31' is outside" },
        { ["render", "top-talkers", "--from", "9998-12-31T12:00:00Z"], "The time window" },
        { ["render", "top-talkers", "--format", "${version} ${nope}"], "nope" },
        { ["generate", "--out", "g", "--records", "-1"], "--records '-1' is out of range" },
        { ["generate", "--out", "g", "--files-per-partition", "0"], "--files-per-partition '0' is out of range" },
        { ["generate", "--out", "g", "--from", "2026-11-03", "--to", "2026-11-02"], "The time window is empty" },
        { ["generate", "--out", "g", "--accounts", "12"], "'12' is not" },
        { ["generate", "--out", ""], "--out is empty" },
        { ["generate", "--out", "g", "--kind", "tgw"], "tgw" },
        { ["generate", "--out", "g", "--kind", "transit-gateway", "--format", "${version} ${srcaddr} ${action}"],
            "--format is a VPC flow log's format, and --kind is transit-gateway; give --kind vpc or a Transit Gateway format" },
        { ["generate", "--out", "g", "--format", "${tgw-id} ${bytes}"], "--format is a Transit Gateway flow log's format, and --kind is vpc" },
        { ["demo", "--out", "d", "--days", "0"], "--days '0' is out of range" },
        { ["demo", "--out", "d", "--days", "100000000"], "--days '100000000' is out of range" },
        { ["demo", "--out", "d", "--records", "-5"], "--records '-5' is out of range" },
        { ["report", "weekly", "@src", "--from", "1970-01-02", "--to", "1970-01-09", "--out", "r"], "would start before 1970-01-01" },
        { ["report", "weekly", "@src", "--from", "2026-11-02", "--to", "2026-11-09", "--out", "s3://b/r"], "report weekly writes to a local folder" },
        { ["job", "run", "no-such-job.yaml"], "no-such-job.yaml: the job file does not exist" },
        { ["job", "validate", "/dev/null"], "/dev/null: the job file is a character device, not a regular file" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--queries", "/dev/null"], "/dev/null" },
        { ["run", "top-talkers", "@src", "--from", "2026-11-02", "--to", "2026-11-03", "--queries", "no-such-folder"], "no-such-folder" },
        { ["run", "top-talkers", "--source", "", "--from", "2026-11-02", "--to", "2026-11-03"], "--source is empty" },
        { ["serve", "--jobs", ".", "--catch-up-horizon", "99999999999d"], "--catch-up-horizon '99999999999d' is not a duration" },
        { ["serve", "--jobs", "/dev/null"], "the jobs folder '/dev/null' is a character device, not a folder" },
        { ["serve", "--jobs", ".", "--state", "/dev/null"], "the state folder '/dev/null' cannot be used" },
        { ["nonsense-command"], "nonsense-command" },
        { ["run", "top-talkers", "--no-such-option"], "--no-such-option" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task A_bad_command_line_exits_2_naming_the_culprit_without_a_stack_trace(string[] args, string culprit)
    {
        var run = await CliRun.Of(args.SelectMany(a => a == "@src" ? new[] { "--source", _logs.Root } : [a]).ToArray());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(culprit, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }
}
