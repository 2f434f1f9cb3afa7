using System.Text.Json;
using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// <c>inventory sync</c> against moto's EC2 and STS: two accounts (the second through an assumed role) and two regions,
/// every interface kept with its security groups, instance name and tags, a rerun adding a snapshot beside the first,
/// S3 snapshots registered in a Glue table, and refusals that name what was wrong.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class InventorySyncTests(CliAgainstMoto aws) : IDisposable
{
    private const string Caller = "123456789012", Other = "111111111111";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>In each account and region: a VPC, a subnet, a security group, an instance (Name, CostCenter) and a bare interface (CostCenter on it).</summary>
    private async Task<JsonElement> SeedAsync(string suffix) => await Boto3.RunAsync(aws.Moto, $$"""
        ep = {{JsonSerializer.Serialize(aws.Moto.Endpoint.ToString())}}
        sts = boto3.client('sts', endpoint_url=ep, region_name='us-east-1')
        role = sts.assume_role(RoleArn='arn:aws:iam::{{Other}}:role/inventory-reader', RoleSessionName='seed')['Credentials']
        sessions = {'{{Caller}}': boto3.Session(), '{{Other}}': boto3.Session(aws_access_key_id=role['AccessKeyId'], aws_secret_access_key=role['SecretAccessKey'], aws_session_token=role['SessionToken'])}
        seeded = {}
        for account, session in sessions.items():
            for region in ['us-east-1', 'eu-west-1']:
                ec2 = session.client('ec2', endpoint_url=ep, region_name=region)
                vpc = ec2.create_vpc(CidrBlock='10.50.0.0/16')['Vpc']['VpcId']
                subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='10.50.1.0/24')['Subnet']['SubnetId']
                sg = ec2.create_security_group(GroupName=f'web-{{suffix}}-{account}-{region}', Description='web', VpcId=vpc)['GroupId']
                ec2.run_instances(ImageId='ami-12c6146b', MinCount=1, MaxCount=1, SubnetId=subnet, SecurityGroupIds=[sg],
                    TagSpecifications=[{'ResourceType': 'instance', 'Tags': [{'Key': 'Name', 'Value': f'web-{region}'}, {'Key': 'CostCenter', 'Value': f'cc-{account}'}]}])
                ec2.create_network_interface(SubnetId=subnet, Groups=[sg], Description='lambda-like {{suffix}}',
                    TagSpecifications=[{'ResourceType': 'network-interface', 'Tags': [{'Key': 'CostCenter', 'Value': 'eni-tag'}]}])
                enis = ec2.describe_network_interfaces()['NetworkInterfaces']
                seeded[f'{account} {region}'] = [{'id': e['NetworkInterfaceId'], 'groups': [g['GroupId'] for g in e['Groups']], 'names': [g['GroupName'] for g in e['Groups']],
                    'vpc': e['VpcId'], 'instance': e.get('Attachment', {}).get('InstanceId'), 'description': e.get('Description', '')} for e in enis]
        out(seeded)
        """);

    [Fact]
    public async Task Sync_over_two_accounts_and_two_regions_keeps_every_interface_and_a_rerun_adds_a_snapshot()
    {
        var seeded = await SeedAsync("a");
        var root = _temp.Combine("inventory");
        string[] sync = ["inventory", "sync", "--accounts", $"{Caller},{Other}", "--regions", "us-east-1,eu-west-1", "--role-name", "inventory-reader",
            "--tags", "CostCenter", "--out", root];

        var first = await InProcessCli.RunAsync(sync);

        Assert.True(first.ExitCode == 0, first.Stderr);
        var snapshot = Assert.Single(InventorySnapshot.LocalSnapshots(root));
        var rows = InventorySnapshot.Read(Path.Combine(snapshot, InventorySnapshot.FileName));
        Assert.Equal(rows.Count, rows.Select(r => r.InterfaceId).Distinct().Count());
        foreach (var place in seeded.EnumerateObject())
        {
            var (account, region) = (place.Name.Split(' ')[0], place.Name.Split(' ')[1]);
            var expected = place.Value.EnumerateArray().ToList();
            var kept = rows.Where(r => r.AccountId == account && r.Region == region).ToList();
            Assert.Equal(expected.Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal), kept.Select(r => r.InterfaceId));
            foreach (var eni in expected)
            {
                var row = kept.Single(r => r.InterfaceId == eni.GetProperty("id").GetString());
                Assert.Equal(string.Join(',', eni.GetProperty("groups").EnumerateArray().Select(g => g.GetString())), row.SecurityGroupIds);
                Assert.Equal(string.Join(',', eni.GetProperty("names").EnumerateArray().Select(g => g.GetString())), row.SecurityGroupNames);
                Assert.Contains($"-{account}-{region}", row.SecurityGroupNames, StringComparison.Ordinal);
                Assert.Equal(eni.GetProperty("vpc").GetString(), row.VpcId);
                Assert.NotNull(row.SubnetId);
                Assert.NotNull(row.PrivateIp);
                if (eni.GetProperty("instance").ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(eni.GetProperty("instance").GetString(), row.InstanceId);
                    Assert.Equal($"web-{region}", row.InstanceName);
                    Assert.Equal($"cc-{account}", row.Tags["CostCenter"]);
                }
                else
                {
                    Assert.Null(row.InstanceId);
                    Assert.Equal("eni-tag", row.Tags["CostCenter"]);
                    Assert.Equal(eni.GetProperty("description").GetString(), row.Description);
                    Assert.StartsWith("lambda-like ", row.Description, StringComparison.Ordinal);
                }
            }
        }
        Assert.Contains($"{Other} eu-west-1: ", first.Stderr);

        await Task.Delay(1100); // snapshots are named to the second
        var second = await InProcessCli.RunAsync(sync);
        Assert.True(second.ExitCode == 0, second.Stderr);
        var snapshots = InventorySnapshot.LocalSnapshots(root);
        Assert.Equal(2, snapshots.Count);
        Assert.Equal(snapshot, snapshots[0]);
        var again = InventorySnapshot.Read(Path.Combine(snapshots[1], InventorySnapshot.FileName));
        Assert.Equal(rows.Select(r => r.InterfaceId), again.Select(r => r.InterfaceId));
        Assert.NotEqual(rows[0].SnapshotTime, again[0].SnapshotTime);
        var status = await InProcessCli.RunAsync("inventory", "status", "--out", root);
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Equal(2, status.Stdout.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Snapshots_in_s3_are_objects_registered_as_partitions_of_a_glue_table()
    {
        await SeedAsync("b");
        var bucket = "inventory-" + Guid.NewGuid().ToString("N")[..10];
        await aws.SeedLogsAsync(bucket, "vpc", "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}");

        var run = await InProcessCli.RunAsync("inventory", "sync", "--accounts", Caller, "--regions", "us-east-1", "--out", $"s3://{bucket}/inventory/",
            "--database", "invdb");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var glue = await Boto3.RunAsync(aws.Moto, """
            g = client('glue')
            t = g.get_table(DatabaseName='invdb', Name='interface_inventory')['Table']
            parts = g.get_partitions(DatabaseName='invdb', TableName='interface_inventory')['Partitions']
            out({'serde': t['StorageDescriptor']['SerdeInfo']['SerializationLibrary'], 'keys': [k['Name'] for k in t['PartitionKeys']],
                 'columns': [c['Name'] for c in t['StorageDescriptor']['Columns']], 'parts': [p['StorageDescriptor']['Location'] for p in parts]})
            """);
        Assert.Equal("org.openx.data.jsonserde.JsonSerDe", glue.GetProperty("serde").GetString());
        Assert.Equal(["snapshot"], glue.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("security_group_ids", glue.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var location = Assert.Single(glue.GetProperty("parts").EnumerateArray()).GetString()!;
        Assert.Matches($@"^s3://{bucket}/inventory/snapshot=\d{{8}}T\d{{6}}Z/$", location);
    }

    [Fact]
    public async Task Athena_runs_join_the_latest_snapshot_of_the_inventory_table_beside_the_flow_log_table()
    {
        await SeedAsync("c");
        var bucket = "inventory-" + Guid.NewGuid().ToString("N")[..10];
        const string format = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
        var source = await aws.SeedLogsAsync(bucket, "vpc", format);
        var provisioned = await InProcessCli.RunAsync("provision", "--source", source, "--format", format, "--database", "ownerdb", "--table", "t_flows", "--start-date", "2026-11-01");
        Assert.True(provisioned.ExitCode == 0, provisioned.Stderr);
        var synced = await InProcessCli.RunAsync("inventory", "sync", "--accounts", Caller, "--regions", "us-east-1", "--out", $"s3://{bucket}/inventory/", "--database", "ownerdb");
        Assert.True(synced.ExitCode == 0, synced.Stderr);
        var query = RepositoryRoot.Catalog.Get("top-interfaces");
        await MotoAthena.QueueResultAsync(aws.Moto, [.. query.Output.Select(c => (c.Name, "varchar"))],
            [["eni-1", "10", "1", "1", "", "", "interface", "", "", "vpc-1", "subnet-1", "i-1", "web-1", "sg-1", "web"]]);

        var run = await InProcessCli.RunAsync("run", "top-interfaces", "--engine", "athena", "--database", "ownerdb", "--table", "t_flows", "--workgroup", "primary",
            "--output-location", $"s3://{bucket}/results/", "--from", "2026-11-02", "--to", "2026-11-03", "--output", "csv", "--out", _temp.Combine("top.csv"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var sql = (await Boto3.RunAsync(aws.Moto, """
            a = client('athena')
            qs = [a.get_query_execution(QueryExecutionId=i)['QueryExecution']['Query'] for i in a.list_query_executions()['QueryExecutionIds']]
            out([q for q in qs if 'interface_inventory' in q][-1])
            """)).GetString()!;
        Assert.Contains("FROM (SELECT * FROM \"ownerdb\".\"interface_inventory\" WHERE \"snapshot\" = (SELECT max(\"snapshot\") FROM \"ownerdb\".\"interface_inventory\"))", sql);
        Assert.Contains("LEFT JOIN owners AS i ON i.\"interface_id\" = t.\"interface_id\"", sql);
    }

    [Theory]
    [InlineData("--accounts", "12345", "--accounts '12345' is not a 12-digit account id")]
    [InlineData("--regions", "us_east_1", "--regions 'us_east_1' is not a region")]
    public async Task Bad_accounts_and_regions_are_refused_before_any_call(string option, string value, string reason)
    {
        string[] args = ["inventory", "sync", "--accounts", Caller, "--regions", "us-east-1", "--out", _temp.Combine("inv")];
        args[Array.IndexOf(args, option) + 1] = value;

        var run = await InProcessCli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Stderr);
        Assert.False(Directory.Exists(_temp.Combine("inv")));
    }

    [Fact]
    public async Task Another_account_without_a_role_is_refused_and_nothing_is_written()
    {
        var run = await InProcessCli.RunAsync("inventory", "sync", "--accounts", $"{Caller},{Other}", "--regions", "us-east-1", "--out", _temp.Combine("inv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Account {Other} is not the one the credentials belong to ({Caller}); give --role-name", run.Stderr);
        Assert.False(Directory.Exists(_temp.Combine("inv")));
    }
}
