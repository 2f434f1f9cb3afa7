using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// A <c>report: weekly</c> job on <c>engine: athena</c> against moto: the report's ten query runs go to Athena with
/// each week's partitions, the page shows the rows the service returned, and the manifest has each execution.
/// moto runs no SQL, so each execution's result is queued in the order the report runs its queries.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class ReportJobOnAthenaTests(CliAgainstMoto aws) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_weekly_report_runs_each_week_on_athena_and_shows_what_the_service_returned()
    {
        var format = Core.Formats.FlowLogFormat.AllVpcFields.FormatString;
        var bucket = "report-" + Guid.NewGuid().ToString("N")[..10];
        var source = await aws.SeedLogsAsync(bucket, "vpc", format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", format, "--database", "flowdb", "--table", "t_report", "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        var catalog = QueryCatalog.Load(Path.Combine(AppContext.BaseDirectory, "queries"));
        foreach (var week in new[] { ThisWeek, PreviousWeek })
            foreach (var spec in Reports.ReportQuerySpec.Vpc) // what the report runs on a VPC flow log
                await QueueAsync(catalog.Get(spec.QualifiedId), week);
        Directory.CreateDirectory(_temp.Path);
        var job = _temp.Combine("report.yaml");
        await File.WriteAllTextAsync(job, $$"""
            name: athena-report
            engine: athena
            source:
              database: flowdb
              table: t_report
            report: weekly
            window:
              relative: last-week
            outputs:
              - {{_temp.Path}}/out/{job}/{yyyy}-{MM}-{dd}/
            athena:
              workgroup: primary
              output_location: s3://{{bucket}}/results/
            """);

        var run = await InProcessCli.RunAsync("job", "run", job, "--at", "2026-11-17T06:00:00Z");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var folder = _temp.Combine("out", "athena-report", "2026-11-09");
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
        Assert.Contains("4,321", html); // this week's rejects, as the service returned them
        Assert.Contains("1,234", html); // the previous week's
        Assert.Contains("10.9.9.9", html);
        var manifest = JobRunManifest.FromJson(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
        Assert.Equal(("athena", JobRunState.Succeeded, 10), (manifest.Engine, manifest.State, manifest.Queries.Count));
        Assert.Equal(10, manifest.Queries.Select(q => q.ExecutionId).Distinct().Count(id => id is not null));
        Assert.All(manifest.Queries, q => Assert.True(q.CostUsd > 0, q.Query));

        var sent = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Query'] for x in qs if '"t_report"' in x['Query'] and 'rejected_flows' in x['Query']])
            """);
        var rejectsSql = sent.EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(2, rejectsSql.Count);
        Assert.Contains(rejectsSql, sql => sql.Contains("\"day\" BETWEEN '2026/11/09' AND '2026/11/15'", StringComparison.Ordinal));
        Assert.Contains(rejectsSql, sql => sql.Contains("\"day\" BETWEEN '2026/11/02' AND '2026/11/08'", StringComparison.Ordinal));
    }

    private static readonly DateTimeOffset ThisWeek = new(2026, 11, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PreviousWeek = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One row for the query's output columns, with values the page can be checked against.</summary>
    private Task QueueAsync(QueryDefinition query, DateTimeOffset week)
    {
        var thisWeek = week == ThisWeek;
        var hour = (week.ToUnixTimeSeconds() + 3600 * 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["level"] = "vpc",
            ["resource_id"] = "vpc-0a1b2c3d",
            ["hour_start"] = hour,
            ["peak_hour_start"] = hour,
            ["day_start"] = week.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["rejected_flows"] = thisWeek ? "4321" : "1234",
            ["srcaddr"] = "10.9.9.9",
            ["dstaddr"] = "203.0.113.7",
            ["account_id"] = "012345678901",
            ["vpc_id"] = "vpc-0a1b2c3d",
            ["subnet_id"] = "subnet-1",
            ["instance_id"] = "i-1",
            ["cost_center"] = "payments",
            ["cost_center_source"] = "instance-tag",
            ["egress_class"] = "internet",
            ["aws_service"] = "",
            ["destination_region"] = "",
            ["price_source"] = "AWS list price",
            ["reason"] = "traffic-path 8",
            ["gb"] = "1.000000",
            ["usd_per_gb"] = "0.090000",
            ["cost_usd"] = "0.090000",
        };
        var columns = query.Output.Select(c => (c.Name, "varchar")).ToList();
        var row = query.Output.Select(c => (string?)(values.TryGetValue(c.Name, out var v) ? v : "1000")).ToArray();
        return MotoAthena.QueueResultAsync(aws.Moto, columns, [row]);
    }
}
