namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// <c>job run</c> with an S3 source and s3:// outputs against moto: two runs for the same window write the same
/// objects byte for byte (the manifest differs only in its timestamps), and the objects equal what the same job
/// writes to a local folder.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class JobRunAgainstMotoTests(CliAgainstMoto aws) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_runs_write_the_same_S3_objects_encrypted_and_equal_to_the_local_run()
    {
        var bucket = "jobs-" + Guid.NewGuid().ToString("N")[..10];
        var source = await aws.SeedLogsAsync(bucket, "vpc", "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}");
        Directory.CreateDirectory(_temp.Path);
        string Job(string output, string name)
        {
            var path = _temp.Combine(name);
            File.WriteAllText(path, $$"""
                name: weekly
                source:
                  path: {{source}}
                queries: [top-talkers, rejected-by-port, protocol-mix]
                packs: [capacity]
                window:
                  relative: last-3d
                outputs:
                  - {{output}}/{job}/{yyyy}/{MM}/{dd}/{pack}/{query}.csv
                """);
            return path;
        }
        var toS3 = Job($"s3://{bucket}/reports", "s3.yaml");
        var toDisk = Job(_temp.Combine("out"), "local.yaml");
        var cache = _temp.Combine("cache");

        var first = await InProcessCli.RunAsync("job", "run", toS3, "--at", "2026-11-05T06:00:00Z", "--cache", cache);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var firstObjects = await ObjectsAsync(bucket, "reports/");
        var second = await InProcessCli.RunAsync("job", "run", toS3, "--at", "2026-11-05T18:00:00Z", "--cache", cache);
        Assert.True(second.ExitCode == 0, second.Stderr);
        var secondObjects = await ObjectsAsync(bucket, "reports/");
        var local = await InProcessCli.RunAsync("job", "run", toDisk, "--at", "2026-11-05T06:00:00Z", "--cache", cache);
        Assert.True(local.ExitCode == 0, local.Stderr);

        const string manifest = "reports/weekly/2026/11/02/manifest.json";
        // The capacity pack needs v3 fields (vpc-id, subnet-id, instance-id) this v2 format lacks: skipped, so no objects.
        string[] expected = [manifest, "reports/weekly/2026/11/02/security/rejected-by-port.csv", "reports/weekly/2026/11/02/traffic/protocol-mix.csv",
            "reports/weekly/2026/11/02/traffic/top-talkers.csv"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), firstObjects.Keys);
        Assert.Equal(firstObjects.Keys, secondObjects.Keys);
        foreach (var key in expected.Where(k => k != manifest))
        {
            Assert.Equal(firstObjects[key].Body, secondObjects[key].Body);
            Assert.Equal(File.ReadAllText(_temp.Combine("out", key["reports/".Length..])), firstObjects[key].Body);
            Assert.Equal("AES256", firstObjects[key].Encryption);
            Assert.True(firstObjects[key].Body.Split('\n').Length > 2, key); // a header and rows, not an empty result
        }
        Assert.Equal(Cli.Tests.ManifestTimestamps.Without(firstObjects[manifest].Body), Cli.Tests.ManifestTimestamps.Without(secondObjects[manifest].Body));
        Assert.NotEqual(firstObjects[manifest].Body, secondObjects[manifest].Body);
        Assert.Contains($"\"location\": \"s3://{bucket}/reports/weekly/2026/11/02/traffic/top-talkers.csv\"", secondObjects[manifest].Body);
        Assert.Contains("\"state\": \"succeeded\"", secondObjects[manifest].Body);
        Assert.Equal(2, secondObjects[manifest].Body.Split("\"state\": \"skipped\"").Length - 1);
        Assert.DoesNotContain(CliAgainstMoto.SecretKey, first.Stdout + first.Stderr + second.Stdout + second.Stderr);
    }

    private async Task<SortedDictionary<string, (string Body, string? Encryption)>> ObjectsAsync(string bucket, string prefix)
    {
        var listed = await Boto3.RunAsync(aws.Moto, $$"""
            s3 = client('s3')
            result = {}
            for o in s3.list_objects_v2(Bucket='{{bucket}}', Prefix='{{prefix}}').get('Contents', []):
                got = s3.get_object(Bucket='{{bucket}}', Key=o['Key'])
                result[o['Key']] = {'body': got['Body'].read().decode(), 'sse': got.get('ServerSideEncryption')}
            out(result)
            """);
        var objects = new SortedDictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var o in listed.EnumerateObject())
            objects[o.Name] = (o.Value.GetProperty("body").GetString()!, o.Value.GetProperty("sse").GetString());
        return objects;
    }
}
