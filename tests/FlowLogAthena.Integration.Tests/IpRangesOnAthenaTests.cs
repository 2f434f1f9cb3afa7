using System.IO.Compression;
using Amazon.S3.Model;
using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// <c>ranges publish</c> against moto (S3 and Glue, checked with boto3) and Athena runs that join the table it makes:
/// one whole publication visible at a time, reruns that change nothing, a taken name refused, and the SQL Athena gets.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class IpRangesOnAthenaTests(CliAgainstMoto aws) : IDisposable
{
    private const string Format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Bucket() => "ranges-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<List<string>> KeysAsync(string bucket, string prefix)
    {
        using var clients = aws.Moto.CreateClients();
        var listing = await clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return [.. (listing.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Publish_switches_the_table_to_one_whole_publication_and_a_rerun_changes_nothing()
    {
        var bucket = Bucket();
        await aws.SeedLogsAsync(bucket, "vpc", Format); // makes the bucket
        var entries = IpRangesJson.ForGenerator();
        var first = IpRangesJson.Write(_temp.Combine("first.json"), entries, syncToken: 1_790_000_000);
        string[] publish = ["ranges", "publish", "--location", $"s3://{bucket}/ranges/", "--database", "rangesdb", "--expected-bucket-owner", "123456789012"];

        var published = await InProcessCli.RunAsync([.. publish, "--ip-ranges", first]);

        Assert.True(published.ExitCode == 0, published.Stderr);
        var expected = AwsIpRangeRows.Of(AwsAddressIndex.Build(AwsIpRanges.Load(first))).ToList();
        Assert.Contains($"rangesdb.aws_ip_ranges now holds the ranges published 2026-09-21-12-00-00 (syncToken 1790000000): {expected.Count} rows", published.Stderr);
        Assert.Equal(["ranges/sync-1790000000/aws-ip-ranges.tsv.gz"], await KeysAsync(bucket, "ranges/"));
        var table = await Boto3.RunAsync(aws.Moto, """
            t = client('glue').get_table(DatabaseName='rangesdb', Name='aws_ip_ranges')['Table']
            sd = t['StorageDescriptor']
            out({'location': sd['Location'], 'columns': [c['Name'] + ':' + c['Type'] for c in sd['Columns']], 'delim': sd['SerdeInfo']['Parameters']['field.delim'],
                 'token': t['Parameters']['flowlog_athena.ip_ranges_sync_token'], 'serde': sd['SerdeInfo']['SerializationLibrary']})
            """);
        Assert.Equal($"s3://{bucket}/ranges/sync-1790000000/", table.GetProperty("location").GetString());
        Assert.Equal(AwsIpRangeRows.Columns.Select(c => c + ":string"), table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("\t", table.GetProperty("delim").GetString());
        Assert.Equal("1790000000", table.GetProperty("token").GetString());
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", table.GetProperty("serde").GetString());
        var lines = await ObjectLinesAsync(bucket, "ranges/sync-1790000000/aws-ip-ranges.tsv.gz");
        Assert.Equal(expected.Select(r => string.Join('\t', r.Bucket, r.FirstHex, r.LastHex, r.Match.Service, r.Match.Services, r.Match.Region, r.Match.NetworkBorderGroup, r.Match.Prefix)), lines);

        var again = await InProcessCli.RunAsync([.. publish, "--ip-ranges", first]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("already holds the ranges published", again.Stderr);

        var newer = IpRangesJson.Write(_temp.Combine("newer.json"), entries.Take(4), syncToken: 1_790_000_900);
        var switched = await InProcessCli.RunAsync([.. publish, "--ip-ranges", newer]);
        Assert.True(switched.ExitCode == 0, switched.Stderr);
        Assert.Equal(["ranges/sync-1790000900/aws-ip-ranges.tsv.gz"], await KeysAsync(bucket, "ranges/"));
        var location = await Boto3.RunAsync(aws.Moto, """
            out(client('glue').get_table(DatabaseName='rangesdb', Name='aws_ip_ranges')['Table']['StorageDescriptor']['Location'])
            """);
        Assert.Equal($"s3://{bucket}/ranges/sync-1790000900/", location.GetString());
    }

    [Fact]
    public async Task A_table_name_taken_by_something_else_is_refused_and_nothing_is_written()
    {
        var bucket = Bucket();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "takendb", "--table", "t_flows", "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        var file = IpRangesJson.Write(_temp.Combine("r.json"), IpRangesJson.ForGenerator());

        var refused = await InProcessCli.RunAsync("ranges", "publish", "--location", $"s3://{bucket}/ranges/", "--database", "takendb", "--table", "t_flows", "--ip-ranges", file);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Glue table takendb.t_flows exists over", refused.Stderr);
        Assert.Empty(await KeysAsync(bucket, "ranges/"));
    }

    [Fact]
    public async Task Athena_runs_join_the_published_table_and_say_how_to_get_it_when_missing()
    {
        var bucket = Bucket();
        var source = await aws.SeedLogsAsync(bucket, "vpc", Format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", Format, "--database", "joindb", "--table", "t_flows", "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        string[] run = ["run", "aws-destinations", "--engine", "athena", "--database", "joindb", "--table", "t_flows", "--workgroup", "primary",
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", _temp.Combine("aws.csv")];

        var missing = await InProcessCli.RunAsync(run);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("needs AWS's address ranges", missing.Stderr);
        Assert.Contains("ranges publish", missing.Stderr);
        var localFile = await InProcessCli.RunAsync([.. run, "--ip-ranges", _temp.Combine("r.json")]);
        Assert.Equal(2, localFile.ExitCode);
        Assert.Contains("is for the local engine", localFile.Stderr);

        var file = IpRangesJson.Write(_temp.Combine("r.json"), IpRangesJson.ForGenerator());
        var published = await InProcessCli.RunAsync("ranges", "publish", "--location", $"s3://{bucket}/ranges/", "--database", "joindb", "--ip-ranges", file);
        Assert.True(published.ExitCode == 0, published.Stderr);
        var off = await InProcessCli.RunAsync([.. run, "--ip-ranges", "off"]);
        Assert.Equal(2, off.ExitCode);
        Assert.Contains("needs AWS's address ranges", off.Stderr);

        var query = RepositoryRoot.Catalog.Get("aws-destinations");
        await MotoAthena.QueueResultAsync(aws.Moto, [.. query.Output.Select(c => (c.Name, "varchar"))],
            [["us-east-1", "S3", "AMAZON,S3", "us-east-1", "us-east-1", "52.216.0.0/15", "true", "3", "9000", "90", "4"]]);
        var ran = await InProcessCli.RunAsync(run);

        Assert.True(ran.ExitCode == 0, ran.Stderr);
        var sent = await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution']['Query'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([q for q in qs if 'aws_ip_ranges' in q][-1])
            """);
        var sql = sent.GetString()!;
        Assert.Contains("LEFT JOIN \"joindb\".\"aws_ip_ranges\" AS \"r\" ON \"r\".\"bucket\" = substr(", sql);
        Assert.Contains("to_hex(CAST(TRY_CAST(\"d\".\"address\" AS IPADDRESS) AS VARBINARY))", sql);
        Assert.Equal("sender_region,aws_service,aws_services,destination_region,border_group,aws_prefix,same_region,destinations,bytes,packets,flows",
            File.ReadLines(_temp.Combine("aws.csv")).First());
    }

    private async Task<List<string>> ObjectLinesAsync(string bucket, string key)
    {
        using var clients = aws.Moto.CreateClients();
        using var response = await clients.S3.GetObjectAsync(bucket, key);
        await using var gzip = new GZipStream(response.ResponseStream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line) lines.Add(line);
        return lines;
    }
}
