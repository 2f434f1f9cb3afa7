using System.CommandLine;
using System.Text.RegularExpressions;
using FlowLogAthena.Aws.Inventory;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Inventory;
using FlowLogAthena.Core.Tables;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>inventory sync</c> and <c>inventory status</c>: the network interfaces of the accounts and regions named, read from
/// EC2 (assuming a role per account when asked), kept as timestamped snapshots in a folder or in S3 with a Glue table.
/// </summary>
public static partial class InventoryCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock) =>
        new("inventory", "The network interfaces behind the flow logs (type, owner, instance and its Name, VPC, subnet, security groups, tags), as timestamped snapshots.")
        {
            Sync(terminal, clock), Status(terminal),
        };

    private static Option<string> OutOption() => new("--out")
    {
        Description = "Where snapshots go: a folder (default ~/.cache/flowlog-athena/inventory), or s3://bucket/prefix with a Glue table for Athena.",
        DefaultValueFactory = _ => InventorySnapshot.DefaultRoot,
        HelpName = "DIR|s3://…",
    };

    private static Command Sync(Terminal terminal, TimeProvider clock)
    {
        var accounts = new Option<string>("--accounts") { Description = "12-digit account ids, comma-separated.", Required = true };
        var regions = new Option<string>("--regions") { Description = "Regions, comma-separated, e.g. us-east-1,eu-west-1.", Required = true };
        var role = new Option<string?>("--role-name")
        {
            Description = "A role to assume in every account (arn:aws:iam::ACCOUNT:role/NAME) with ec2:DescribeNetworkInterfaces, ec2:DescribeInstances and "
                + "ec2:DescribeSecurityGroups; without it only the credentials' own account can be read.",
        };
        var tags = new Option<string?>("--tags") { Description = "Tag keys to keep per interface (the instance's, else the interface's), comma-separated, e.g. CostCenter,Team." };
        var output = OutOption();
        var database = new Option<string>("--database") { Description = "Glue database of the inventory table (with an s3:// --out).", DefaultValueFactory = _ => TableOptions.DefaultDatabase };
        var table = new Option<string>("--table") { Description = "Glue table of the inventory (with an s3:// --out).", DefaultValueFactory = _ => InventoryS3Store.DefaultTable };
        var aws = new AwsOptions();
        var command = new Command("sync",
            "Read every network interface of the accounts and regions (DescribeNetworkInterfaces, DescribeInstances, DescribeSecurityGroups) and keep them "
            + "as a new snapshot; nothing is written unless every account and region was read.")
        {
            accounts, regions, role, tags, output, database, table,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new InventorySyncRequest
            {
                Accounts = List(parse.GetRequiredValue(accounts), "--accounts", AccountPattern(), "a 12-digit account id"),
                Regions = List(parse.GetRequiredValue(regions), "--regions", RegionPattern(), "a region such as us-east-1"),
                RoleName = parse.GetValue(role) is { } name ? Checked(name, "--role-name", RoleNamePattern(), "a role name (letters, digits and +=,.@_-, at most 64)") : null,
                TagKeys = parse.GetValue(tags) is { } keys ? [.. keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)] : [],
            };
            var target = parse.GetRequiredValue(output);
            if (S3Uri.IsS3(target)) S3Uri.Parse(target, "--out");
            var takenAt = clock.GetUtcNow();
            var rows = await terminal.StatusAsync($"Reading the interfaces of {request.Accounts.Count} accounts in {request.Regions.Count} regions…",
                () => new InventorySync(AwsSettings.FromEnvironment()).ReadAsync(request, InventorySnapshot.Time(takenAt), cancellationToken)).ConfigureAwait(false);
            string written;
            if (S3Uri.IsS3(target))
            {
                using var clients = AwsOptions.CreateClients(parse, terminal);
                written = await new InventoryS3Store(clients.Glue, clients.S3, aws.WriteOptions(parse))
                    .PublishAsync(rows, takenAt, S3Uri.Parse(target, "--out"), parse.GetRequiredValue(database), parse.GetRequiredValue(table), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                written = await InventorySnapshot.WriteLocalAsync(target, takenAt, rows, cancellationToken).ConfigureAwait(false);
            }
            foreach (var group in rows.GroupBy(r => (r.AccountId, r.Region)).OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal))
                terminal.Note(Markup.Escape($"{group.Key.AccountId} {group.Key.Region}: {group.Count()} interfaces"));
            terminal.Note(Markup.Escape($"Snapshot {InventorySnapshot.Time(takenAt)}: {rows.Count} interfaces → {written}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Status(Terminal terminal)
    {
        var output = OutOption();
        var command = new Command("status", "List the local snapshots: when each was taken and its interfaces per account and region.") { output };
        command.SetAction(parse =>
        {
            var root = parse.GetRequiredValue(output);
            var snapshots = InventorySnapshot.LocalSnapshots(root);
            if (snapshots.Count == 0)
            {
                terminal.Note(Markup.Escape($"No snapshots in {root}: run 'flowlog-athena inventory sync'."));
                return ExitCodes.Success;
            }
            foreach (var folder in snapshots)
            {
                var rows = InventorySnapshot.Read(Path.Combine(folder, InventorySnapshot.FileName));
                var parts = rows.GroupBy(r => $"{r.AccountId} {r.Region}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
                terminal.Output.WriteLine($"{Path.GetFileName(folder)}: {rows.Count} interfaces ({string.Join(", ", parts)})");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<string> List(string text, string option, Regex pattern, string what)
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (items.Count == 0) throw new UsageException($"{option} is empty; give {what} or more, comma-separated.");
        foreach (var item in items) Checked(item, option, pattern, what);
        return items;
    }

    private static string Checked(string value, string option, Regex pattern, string what) =>
        pattern.IsMatch(value) ? value : throw new UsageException($"{option} '{(value.Length > 40 ? value[..37] + "..." : value)}' is not {what}.");

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_-]{1,64}$")]
    private static partial Regex RoleNamePattern();
}
