using System.Diagnostics;
using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Integration.Tests;

/// <summary><c>job run</c> with <c>engine: athena</c> against moto: the manifest carries Athena's execution id and cost, and a timeout stops the query.</summary>
[Collection(CliMotoTests.Name)]
public sealed class JobRunOnAthenaTests(CliAgainstMoto aws) : IDisposable
{
    private const string Format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> JobAsync(string table, string timeout)
    {
        var bucket = "athena-jobs-" + Guid.NewGuid().ToString("N")[..8];
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "flowdb", "--table", table, "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        Directory.CreateDirectory(_temp.Path);
        var path = _temp.Combine(table + ".yaml");
        await File.WriteAllTextAsync(path, $$"""
            name: athena-{{table}}
            engine: athena
            source:
              database: flowdb
              table: {{table}}
            queries: [top-talkers]
            window:
              from: 2026-11-02
              to: 2026-11-04
            outputs:
              - {{_temp.Path}}/out/{job}/{query}.csv
            athena:
              workgroup: primary
              output_location: s3://{{bucket}}/results/
              timeout: {{timeout}}
            """);
        return path;
    }

    [Fact]
    public async Task The_manifest_names_the_athena_execution_and_its_cost_and_the_output_holds_its_rows()
    {
        var job = await JobAsync("t_jobrun", "10m");
        await MotoAthena.QueueResultAsync(aws.Moto, [("srcaddr", "varchar"), ("dstaddr", "varchar"), ("bytes", "bigint"), ("packets", "bigint"), ("flows", "bigint")],
            [["10.0.0.1", "2600:1f18::7", "9000", "90", "3"]]);

        var run = await InProcessCli.RunAsync("job", "run", job, "--at", "2026-11-10");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["srcaddr,dstaddr,bytes,packets,flows", "10.0.0.1,2600:1f18::7,9000,90,3"], File.ReadAllLines(_temp.Combine("out", "athena-t_jobrun", "top-talkers.csv")));
        var manifest = JobRunManifest.FromJson(await File.ReadAllTextAsync(_temp.Combine("out", "athena-t_jobrun", "manifest.json")));
        var query = Assert.Single(manifest.Queries);
        var execution = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['QueryExecutionId'] for x in qs if "\"t_jobrun\"" in x['Query']])
            """);
        Assert.Equal(execution.EnumerateArray().Single().GetString(), query.ExecutionId);
        Assert.Equal(("athena", JobRunState.Succeeded, 1L), (manifest.Engine, manifest.State, query.Rows));
        Assert.True(query.CostUsd > 0, "Athena bills at least 10 MB per query");
        Assert.Equal(query.CostUsd, manifest.Totals.CostUsd);
        Assert.DoesNotContain(CliAgainstMoto.SecretKey, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task A_query_past_the_jobs_timeout_is_stopped_and_the_run_fails_with_exit_1()
    {
        var job = await JobAsync("t_job_timeout", "2s");
        await MotoAthena.HoldExecutionsAsync(aws.Moto);
        try
        {
            var run = await InProcessCli.RunAsync("job", "run", job, "--at", "2026-11-10");

            Assert.True(run.ExitCode == 1, run.Stderr);
            var manifest = JobRunManifest.FromJson(await File.ReadAllTextAsync(_temp.Combine("out", "athena-t_job_timeout", "manifest.json")));
            Assert.Equal(JobRunState.Failed, manifest.State);
            Assert.Equal(QueryStatus.Failed, Assert.Single(manifest.Queries).State);
            Assert.False(File.Exists(_temp.Combine("out", "athena-t_job_timeout", "top-talkers.csv")));
            var states = await Boto3.RunAsync(aws.Moto, """
                a = client('athena')
                qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
                out([x['Status']['State'] for x in qs if 't_job_timeout' in x['Query']])
                """);
            Assert.Equal(["CANCELLED"], states.EnumerateArray().Select(s => s.GetString()));
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(aws.Moto);
        }
    }

    [Fact]
    public async Task SIGTERM_during_a_job_stops_the_running_athena_query_and_exits_130_with_a_cancelled_manifest()
    {
        var job = await JobAsync("t_job_sigterm", "10m");
        await MotoAthena.HoldExecutionsAsync(aws.Moto);
        try
        {
            // A real process, as systemd or Kubernetes would stop it; it inherits moto's settings from this process.
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "flowlog-athena.dll"), "job", "run", job, "--at", "2026-11-10" }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            using var orphanGuard = new KillOnDispose(process);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            for (var i = 0; i < 120 && (await StatesAsync("t_job_sigterm")).Count == 0; i++)
            {
                // Only an exited process has all its stderr; awaiting it earlier would wait for the exit.
                if (process.HasExited) Assert.Fail($"exit {process.ExitCode} before its query started:\n{await stderr}");
                await Task.Delay(500);
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(limit.Token);

            Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
            Assert.Equal(["CANCELLED"], await StatesAsync("t_job_sigterm"));
            var manifest = JobRunManifest.FromJson(await File.ReadAllTextAsync(_temp.Combine("out", "athena-t_job_sigterm", "manifest.json")));
            Assert.Equal(JobRunState.Cancelled, manifest.State);
            Assert.Equal(QueryStatus.Cancelled, Assert.Single(manifest.Queries).State);
            Assert.False(File.Exists(_temp.Combine("out", "athena-t_job_sigterm", "top-talkers.csv")));
        }
        finally
        {
            await MotoAthena.ReleaseExecutionsAsync(aws.Moto);
        }
    }

    /// <summary>A failing test must not leave the CLI process behind, holding its query.</summary>
    private sealed class KillOnDispose(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private async Task<List<string?>> StatesAsync(string table)
    {
        var states = await Boto3.RunAsync(aws.Moto, $$"""
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Status']['State'] for x in qs if '"{{table}}"' in x['Query']])
            """);
        return states.EnumerateArray().Select(s => s.GetString()).ToList();
    }
}
