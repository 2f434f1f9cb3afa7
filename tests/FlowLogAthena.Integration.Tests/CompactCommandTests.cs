using Amazon.S3.Model;
using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// <c>compact --engine local</c> from the command line against moto: the twin's Glue table, its objects and day
/// markers, every pack's answers on the twin equal to the text's, and reruns that add nothing and pick up a late file.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class CompactCommandTests(CliAgainstMoto aws) : IDisposable
{
    // Every field: each catalog type goes through the Parquet conversion, and every query can run.
    private static readonly string Format = FlowLogFormat.AllVpcFields.FormatString;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Bucket() => "compact-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<(string Bucket, string Source)> ProvisionedTextAsync(string table)
    {
        var bucket = Bucket();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "flowdb", "--table", table, "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        return (bucket, source);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> CompactAsync(string bucket, string table, params string[] more) =>
        InProcessCli.RunAsync([
            "compact", "--engine", "local", "--database", "flowdb", "--table", table, "--twin", $"s3://{bucket}/twin",
            "--from", "2026-11-01", "--to", "2026-11-05", "--cache", _temp.Combine("cache"), "--store", _temp.Combine("store"), .. more]);

    private async Task<IReadOnlyDictionary<string, string>> TwinObjectsAsync(string bucket)
    {
        using var clients = aws.Moto.CreateClients();
        var listing = await clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "twin/" });
        return (listing.S3Objects ?? []).ToDictionary(o => o.Key, o => o.ETag);
    }

    [Fact]
    public async Task Compact_makes_a_projected_parquet_twin_whose_packs_answer_like_the_text()
    {
        var (bucket, source) = await ProvisionedTextAsync("t_twin");

        var compacted = await CompactAsync(bucket, "t_twin");

        Assert.True(compacted.ExitCode == 0, compacted.Stderr);
        Assert.Contains("Created the twin's table flowdb.t_twin_parquet", compacted.Stderr);
        Assert.Contains("4 days compacted, 0 up to date", compacted.Stderr);
        var objects = await TwinObjectsAsync(bucket);
        Assert.Equal(4, objects.Keys.Count(k => k.StartsWith("twin/_flowlog-athena/compacted/", StringComparison.Ordinal)));
        Assert.DoesNotContain(objects.Keys, k => k.Contains("/staging/", StringComparison.Ordinal));
        Assert.All(objects.Keys.Where(k => k.StartsWith("twin/AWSLogs/", StringComparison.Ordinal)),
            k => Assert.Matches(@"^twin/AWSLogs/\d{12}/vpcflowlogs/[a-z0-9-]+/2026/11/0[1-4]/\d{12}_vpcflowlogs_[a-z0-9-]+_twin_202611\d\d_0000\.log\.parquet$", k));
        var table = await Boto3.RunAsync(aws.Moto, """
            t = client('glue').get_table(DatabaseName='flowdb', Name='t_twin_parquet')['Table']
            text = client('glue').get_table(DatabaseName='flowdb', Name='t_twin')['Table']
            p = t['Parameters']
            out({'location': t['StorageDescriptor']['Location'], 'serde': t['StorageDescriptor']['SerdeInfo']['SerializationLibrary'],
                 'columns': t['StorageDescriptor']['Columns'] == text['StorageDescriptor']['Columns'],
                 'keys': [k['Name'] for k in t['PartitionKeys']], 'projection': p.get('projection.enabled'),
                 'accounts': p['projection.aws_account_id.values'] == text['Parameters']['projection.aws_account_id.values'],
                 'range': p['projection.day.range'], 'template': p['storage.location.template']})
            """);
        Assert.Equal($"s3://{bucket}/twin/AWSLogs/", table.GetProperty("location").GetString());
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", table.GetProperty("serde").GetString());
        Assert.True(table.GetProperty("columns").GetBoolean());
        Assert.Equal(["aws_account_id", "aws_region", "day"], table.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!));
        Assert.Equal("true", table.GetProperty("projection").GetString());
        Assert.True(table.GetProperty("accounts").GetBoolean());
        Assert.Equal("2026/11/01,NOW", table.GetProperty("range").GetString());
        Assert.Equal($"s3://{bucket}/twin/AWSLogs/${{aws_account_id}}/vpcflowlogs/${{aws_region}}/${{day}}/", table.GetProperty("template").GetString());

        // What top-talkers scans: the text whole, on the twin only its columns' chunks (from the footers).
        var estimate = await InProcessCli.RunAsync("estimate", "top-talkers", "--source", source, "--format", Format, "--twin", $"s3://{bucket}/twin",
            "--from", "2026-11-02", "--to", "2026-11-04");
        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        Assert.Contains($"{source} (text)", estimate.Stdout);
        Assert.Contains($"s3://{bucket}/twin (parquet)", estimate.Stdout);
        Assert.Contains("The query reads 6 of the format's 54 columns: srcaddr, dstaddr, packets, bytes, start, log_status.", estimate.Stderr);
        var times = System.Text.RegularExpressions.Regex.Match(estimate.Stderr, @"On the twin the query scans ([0-9.]+)× less than on the text");
        Assert.True(times.Success, estimate.Stderr);
        // 4,000 records in 8 small objects: the 54-column footers weigh as much as the chunks; at scale the ratio is far higher (docs/BENCHMARKS.md).
        Assert.True(double.Parse(times.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 1.5, estimate.Stderr);

        var onText = await PacksAsync(source, "text", "--format", Format);
        var onTwin = await PacksAsync($"s3://{bucket}/twin", "twin", "--format", Format, "--file-format", "parquet");
        // Most queries serve this format, and most find rows in 4,000 records: a comparison of empty files would prove nothing.
        Assert.True(onText.Count >= 35, $"{onText.Count} query results");
        Assert.True(onText.Values.Count(csv => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2) >= 20);
        Assert.Equal(onText.Keys.Order(), onTwin.Keys.Order());
        foreach (var (file, csv) in onText) Assert.True(csv == onTwin[file], $"{file} differs on the twin");
    }

    [Fact]
    public async Task A_rerun_adds_nothing_and_a_late_file_recompacts_only_its_day()
    {
        var (bucket, _) = await ProvisionedTextAsync("t_rerun");
        Assert.Equal(0, (await CompactAsync(bucket, "t_rerun")).ExitCode);
        var before = await TwinObjectsAsync(bucket);

        var rerun = await CompactAsync(bucket, "t_rerun");

        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Contains("0 days compacted, 4 up to date", rerun.Stderr);
        Assert.Equal(before, await TwinObjectsAsync(bucket));

        // A late delivery to 2026-11-02: a second copy of one of its objects under a new name.
        using var clients = aws.Moto.CreateClients();
        var day2 = (await clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "vpc/AWSLogs/" })).S3Objects
            .First(o => o.Key.Contains("/2026/11/02/", StringComparison.Ordinal));
        await clients.S3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = day2.Key, DestinationBucket = bucket, DestinationKey = day2.Key.Replace(".log.gz", "-late.log.gz", StringComparison.Ordinal) });

        var late = await CompactAsync(bucket, "t_rerun");

        Assert.True(late.ExitCode == 0, late.Stderr);
        Assert.Contains("1 days compacted, 3 up to date", late.Stderr);
        var after = await TwinObjectsAsync(bucket);
        Assert.Equal(before.Keys.Order(), after.Keys.Order()); // same names: replaced in place, never a second copy
        var changed = after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
        Assert.Contains("twin/_flowlog-athena/compacted/2026-11-02.json", changed);
        Assert.All(changed.Where(k => k.StartsWith("twin/AWSLogs/", StringComparison.Ordinal)), k => Assert.Contains("/2026/11/02/", k));
        Assert.Contains(changed, k => k.StartsWith("twin/AWSLogs/", StringComparison.Ordinal));

        // The text of 2026-11-04 expires (a lifecycle rule): the twin keeps its copy of the day.
        var day4 = (await clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "vpc/AWSLogs/" })).S3Objects
            .Where(o => o.Key.Contains("/2026/11/04/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(day4);
        foreach (var obj in day4) await clients.S3.DeleteObjectAsync(bucket, obj.Key);

        var expired = await CompactAsync(bucket, "t_rerun");

        Assert.True(expired.ExitCode == 0, expired.Stderr);
        Assert.Contains("2026-11-04: no text objects; what the twin holds for the day, if anything, is kept", expired.Stderr);
        Assert.Equal(after, await TwinObjectsAsync(bucket));
    }

    [Fact]
    public async Task A_twin_inside_the_text_source_or_over_another_table_is_refused()
    {
        var (bucket, _) = await ProvisionedTextAsync("t_refuse");

        var inside = await InProcessCli.RunAsync("compact", "--engine", "local", "--database", "flowdb", "--table", "t_refuse",
            "--twin", $"s3://{bucket}/vpc/AWSLogs/twin", "--from", "2026-11-01", "--to", "2026-11-02");
        var taken = await InProcessCli.RunAsync("compact", "--engine", "local", "--database", "flowdb", "--table", "t_refuse", "--twin-table", "t_refuse",
            "--twin", $"s3://{bucket}/twin", "--from", "2026-11-01", "--to", "2026-11-02");

        Assert.Equal(2, inside.ExitCode);
        Assert.Contains("overlaps the text source", inside.Stderr);
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("Glue table flowdb.t_refuse exists over", taken.Stderr);
        Assert.Empty(await TwinObjectsAsync(bucket));
    }

    [Fact]
    public async Task On_athena_an_unload_that_wrote_nothing_fails_the_day_and_publishes_nothing()
    {
        // moto accepts the UNLOAD and says SUCCEEDED without writing a file: the day must not be taken as empty.
        var (bucket, _) = await ProvisionedTextAsync("t_athena");

        var run = await InProcessCli.RunAsync("compact", "--database", "flowdb", "--table", "t_athena", "--twin", $"s3://{bucket}/twin",
            "--from", "2026-11-02", "--to", "2026-11-03", "--output-location", $"s3://{bucket}/results/");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Athena's UNLOAD of 2026-11-02 from \"flowdb\".\"t_athena\" succeeded but wrote nothing", run.Stderr);
        Assert.Empty(await TwinObjectsAsync(bucket)); // no twin object, no marker, and the staging prefix removed
        var sent = await Boto3.RunAsync(aws.Moto, $"""
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([x['Query'] for x in qs if 't_athena' in x['Query']])
            """);
        var unload = Assert.Single(sent.EnumerateArray()).GetString()!;
        Assert.StartsWith("UNLOAD (SELECT ", unload, StringComparison.Ordinal);
        Assert.Contains($"TO 's3://{bucket}/twin/_flowlog-athena/staging/", unload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compaction_job_fills_the_twin_and_records_each_day_in_its_manifest()
    {
        var (bucket, _) = await ProvisionedTextAsync("t_job");
        Directory.CreateDirectory(_temp.Path);
        var job = _temp.Combine("compact.yaml");
        File.WriteAllText(job, $$"""
            name: compact-daily
            engine: local
            source:
              database: flowdb
              table: t_job
            compact:
              twin: s3://{{bucket}}/twin
            window:
              relative: last-2d
            schedule: "0 6 * * *"
            """);
        string[] run = ["job", "run", job, "--at", "2026-11-05T06:00:00Z", "--cache", _temp.Combine("cache"), "--store", _temp.Combine("store")];

        var first = await InProcessCli.RunAsync(run);
        var second = await InProcessCli.RunAsync(run);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        using var clients = aws.Moto.CreateClients();
        using var response = await clients.S3.GetObjectAsync(bucket, "twin/_flowlog-athena/runs/compact-daily/2026/11/03/manifest.json");
        var manifest = JobRunManifest.FromJson(await new StreamReader(response.ResponseStream).ReadToEndAsync());
        Assert.Equal(JobRunState.Succeeded, manifest.State);
        Assert.Equal("local", manifest.Engine);
        Assert.Equal(new JobCompactionRecord($"s3://{bucket}/twin", "flowdb.t_job_parquet", manifest.Compaction!.Days), manifest.Compaction);
        // The second run found both days as the first left them.
        Assert.Equal([(new DateOnly(2026, 11, 3), TwinDayState.UpToDate), (new DateOnly(2026, 11, 4), TwinDayState.UpToDate)],
            manifest.Compaction.Days.Select(d => (d.Day, d.State)));
        Assert.All(manifest.Compaction.Days, d => Assert.True(d.TwinObjects > 0 && d.TwinBytes > 0));
        Assert.Contains("twin/_flowlog-athena/compacted/2026-11-03.json", (await TwinObjectsAsync(bucket)).Keys);
        Assert.DoesNotContain("twin/_flowlog-athena/compacted/2026-11-02.json", (await TwinObjectsAsync(bucket)).Keys);
    }

    /// <summary>Every pack's per-query CSVs for the window, by relative path.</summary>
    private async Task<IReadOnlyDictionary<string, string>> PacksAsync(string source, string name, params string[] more)
    {
        var folder = _temp.Combine("packs-" + name);
        var run = await InProcessCli.RunAsync([
            "run", "--pack", "all", "--source", source, "--from", "2026-11-01", "--to", "2026-11-05", "--out", folder,
            "--cache", _temp.Combine("cache-" + name), "--store", _temp.Combine("store-" + name), .. more]);
        Assert.True(run.ExitCode is 0 or 3, run.Stderr);
        return Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "summary.csv")
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
    }
}
