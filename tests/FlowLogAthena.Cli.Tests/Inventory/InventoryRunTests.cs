using FlowLogAthena.Core.Inventory;

namespace FlowLogAthena.Cli.Tests.Inventory;

/// <summary>Runs join the latest inventory snapshot of --inventory (or none with off), and the console names interfaces and addresses by their owner.</summary>
public sealed class InventoryRunTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private async Task<string> SnapshotAsync()
    {
        var root = _root.Combine("inventory");
        var at = DateTimeOffset.Parse("2026-11-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await InventorySnapshot.WriteLocalAsync(root, at,
        [
            new InterfaceRecord
            {
                SnapshotTime = InventorySnapshot.Time(at), AccountId = "012345678901", Region = "us-east-1", InterfaceId = "eni-1", InterfaceType = "interface",
                VpcId = "vpc-1", SubnetId = "subnet-1", InstanceId = "i-1", InstanceName = "web-1", PrivateIp = "10.0.0.1", Addresses = "10.0.0.1",
                SecurityGroupIds = "sg-1", SecurityGroupNames = "web",
            },
        ], CancellationToken.None);
        return root;
    }

    [Fact]
    public async Task Top_interfaces_on_a_v2_log_show_the_owner_and_the_console_names_addresses()
    {
        using var logs = new SmallLogs();
        var inventory = await SnapshotAsync();
        string[] common = ["--source", logs.Root, "--from", "2026-11-02", "--to", "2026-11-04", "--inventory", inventory, "--store", _root.Combine("store"), "--ip-ranges", "off"];

        var csv = await CliRun.Of(["run", "top-interfaces", .. common, "--output", "csv"]);

        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.Contains("Interface inventory: snapshot snapshot=20261102T000000Z", csv.Stderr, StringComparison.Ordinal);
        var lines = csv.Stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("interface_id,bytes,packets,flows,ingress_bytes,egress_bytes,interface_type,description,requester_id,vpc_id,subnet_id,instance_id,instance_name,"
            + "security_group_ids,security_group_names", lines[0]);
        Assert.Equal("eni-1,1540,16,3,,,interface,,,vpc-1,subnet-1,i-1,web-1,sg-1,web", lines[1]);

        var table = await CliRun.Of(["run", "top-talkers", .. common]);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("10.0.0.1 (web-1, instance, groups web)", table.Stdout.Replace("\n", "", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var off = await CliRun.Of("run", "top-interfaces", "--source", logs.Root, "--from", "2026-11-02", "--to", "2026-11-04", "--inventory", "off", "--store", "off",
            "--output", "csv");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.StartsWith("eni-1,1540,16,3,,,,,,,,,,,", off.Stdout.ReplaceLineEndings("\n").Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_snapshot_is_refused_naming_it()
    {
        using var logs = new SmallLogs();
        var root = _root.Combine("inventory");
        var folder = Path.Combine(root, "snapshot=20261102T000000Z");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, InventorySnapshot.FileName), "not gzip");

        var run = await CliRun.Of("run", "top-interfaces", "--source", logs.Root, "--from", "2026-11-02", "--to", "2026-11-04", "--inventory", root, "--store", "off");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("snapshot=20261102T000000Z", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot be read", run.Stderr, StringComparison.Ordinal);
    }
}
