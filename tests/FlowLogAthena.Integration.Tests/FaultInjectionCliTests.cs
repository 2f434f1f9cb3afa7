using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Integration.Tests.Support;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// The real CLI against moto through a loopback proxy that injects faults into GetQueryExecution once the query has
/// started: whatever the fault, the command exits 1 with an error naming it and the stopped query, the query is
/// CANCELLED on the server, and nothing is left at the output's final name.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class FaultInjectionCliTests(CliAgainstMoto aws) : IDisposable
{
    private const string Format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
    private readonly TempFolder _out = new();

    public void Dispose() => _out.Dispose();

    [Theory]
    [InlineData(ProxyFault.Reset, "did not get an answer")]
    [InlineData(ProxyFault.Hang, "per-attempt timeout")]
    [InlineData(ProxyFault.Throttle, "ThrottlingException")]
    [InlineData(ProxyFault.ServerError, "InternalServerException")]
    [InlineData(ProxyFault.Garbage, "does not match its model")]
    public async Task A_fault_after_the_query_started_stops_it_and_the_command_exits_1_naming_both(ProxyFault fault, string named)
    {
        var bucket = "fault-" + Guid.NewGuid().ToString("N")[..10];
        var table = "t_" + fault.ToString().ToLowerInvariant();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        Assert.Equal(0, (await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "faultdb", "--table", table, "--start-date", "2026-11-01")).ExitCode);
        // Two attempts a call; the garbage answer is not retried, so it takes one fault to fail the poll.
        var faults = fault == ProxyFault.Garbage ? 1 : 2;
        var injected = 0;
        await using var proxy = await FaultProxy.StartAsync(aws.Moto.Endpoint, operation =>
            operation == "AmazonAthena.GetQueryExecution" && Interlocked.Increment(ref injected) <= faults ? fault : null);
        await MotoAthena.HoldExecutionsAsync(aws.Moto);
        var output = _out.Combine("never.csv");
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = proxy.Endpoint.ToString(),
            ["AWS_MAX_ATTEMPTS"] = "2",
            ["FLOWLOG_ATHENA_AWS_ATTEMPT_TIMEOUT"] = "2",
        };
        (int ExitCode, string Stdout, string Stderr) run;
        try
        {
            run = await WithEnvironment(environment, () => InProcessCli.RunAsync("run", "top-talkers", "--engine", "athena", "--database", "faultdb", "--table", table,
                "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-04", "--output", "csv", "--out", output));
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(aws.Moto);
        }

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(named, run.Stderr);
        Assert.Matches(@"Athena query [0-9a-f-]+ was stopped \(state CANCELLED\)", run.Stderr);
        Assert.DoesNotContain("Unexpected", run.Stderr);
        Assert.DoesNotContain(CliAgainstMoto.SecretKey, run.Stderr);
        Assert.False(File.Exists(output));
        Assert.Contains(proxy.Calls, c => c.Operation == "AmazonAthena.StopQueryExecution" && c.Fault is null);
        var states = await Boto3.RunAsync(aws.Moto, $"""
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Status']['State'] for x in qs if '{table}' in x['Query']])
            """);
        Assert.Equal(["CANCELLED"], states.EnumerateArray().Select(s => s.GetString()));
    }

    private static async Task<T> WithEnvironment<T>(Dictionary<string, string?> variables, Func<Task<T>> action)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
        try
        {
            return await action();
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
