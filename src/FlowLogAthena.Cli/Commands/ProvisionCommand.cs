using System.CommandLine;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>provision --engine athena</c>: the Glue database and a table that matches the source exactly, with
/// partition projection (default) or the partitions found in S3 registered explicitly.
/// </summary>
public static class ProvisionCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock)
    {
        var source = new SourceOptions();
        var aws = new AwsOptions();
        var engine = new Option<string>("--engine") { Description = "Catalog to provision: athena (AWS Glue).", DefaultValueFactory = _ => "athena" }.AcceptOnlyFromAmong("athena");
        var database = new Option<string>("--database") { Description = "Glue database.", DefaultValueFactory = _ => TableOptions.DefaultDatabase };
        var table = new Option<string>("--table") { Description = "Glue table.", DefaultValueFactory = _ => TableOptions.DefaultTable };
        var startDate = new Option<string?>("--start-date") { Description = "First day of the projected date range (yyyy-MM-dd); the range runs to NOW. Default: 90 days ago." };
        var partitions = new Option<PartitionMode>("--partitions") { Description = "projection (no partition loading) or explicit (register the partitions found in S3).", DefaultValueFactory = _ => PartitionMode.Projection };
        var accounts = new Option<string[]>("--accounts") { Description = "Account ids to project (default: the account folders found under the source).", DefaultValueFactory = _ => [], CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() };
        var regions = new Option<string[]>("--regions") { Description = "Regions to project (default: the region folders found under the source).", DefaultValueFactory = _ => [], CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() };
        var update = new Option<bool>("--update") { Description = "Apply the differences when the table exists with another definition (otherwise they are only printed)." };
        var printDdl = new Option<bool>("--print-ddl") { Description = "Print the equivalent Athena DDL instead of calling Glue." };
        var command = new Command("provision", "Create or check the Glue database and table for a flow log source (Athena), with partition projection by default.")
        {
            engine, database, table, startDate, partitions, accounts, regions, update, printDdl,
        };
        source.AddTo(command, withWindow: false);
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var flowLogs = source.GetSource(parse);
            S3Uri.Parse(flowLogs.Root, "--source");
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var start = parse.GetValue(startDate) is { } text
                ? DateOnly.FromDateTime(TimeWindow.ParseInstant(text, "--start-date"))
                : today.AddDays(-90);
            using var clients = AwsOptions.CreateClients(parse, terminal);
            var (accountList, regionList) = (parse.GetRequiredValue(accounts), parse.GetRequiredValue(regions));
            var plan = await new ProvisionPlanner(clients.S3, parse.GetValue(aws.ExpectedBucketOwner)).PlanAsync(new ProvisionRequest
            {
                Source = flowLogs,
                FormatGiven = parse.GetValue(source.Format) is not null,
                Database = parse.GetRequiredValue(database),
                Table = parse.GetRequiredValue(table),
                Partitions = parse.GetValue(partitions),
                StartDate = start,
                Today = today,
                Accounts = accountList,
                Regions = regionList,
                Offline = parse.GetValue(printDdl) && accountList.Length > 0 && regionList.Length > 0,
            }, cancellationToken).ConfigureAwait(false);
            if (plan.DetectedFormat is { } detected) terminal.Note($"Format from the objects' header: {Markup.Escape(detected.FormatString)}");
            var (definition, explicitPartitions) = (plan.Definition, plan.Partitions);

            if (parse.GetValue(printDdl))
            {
                terminal.Output.WriteLine(AthenaDdl.CreateDatabase(definition.Database) + ";");
                terminal.Output.WriteLine(AthenaDdl.CreateTable(definition) + ";");
                foreach (var statement in AthenaDdl.AddPartitions(definition, explicitPartitions)) terminal.Output.WriteLine(statement + ";");
                return ExitCodes.Success;
            }

            var result = await terminal.StatusAsync($"Provisioning {definition.Database}.{definition.Name}…",
                () => new GlueProvisioner(clients.Glue, clients.Settings.Retry).ProvisionAsync(definition, parse.GetValue(update), explicitPartitions, cancellationToken)).ConfigureAwait(false);
            Report(terminal, definition, result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(Terminal terminal, TableDefinition definition, ProvisionResult result)
    {
        var name = Markup.Escape($"{definition.Database}.{definition.Name}");
        if (result.DatabaseCreated) terminal.Note($"Created database [bold]{Markup.Escape(definition.Database)}[/].");
        if (result.TableCreated) terminal.Note($"Created table [bold]{name}[/] ({definition.Columns.Count} columns, {(definition.IsProjected ? "partition projection" : "explicit partitions")}).");
        foreach (var change in result.Changes) terminal.Note($"  {Markup.Escape(change.ToString())}");
        if (result.TableUpdated) terminal.Note($"Updated table [bold]{name}[/] ({result.Changes.Count} changes).");
        if (result.PartitionsCreated + result.PartitionsAlreadyPresent > 0)
            terminal.Note($"Partitions: {result.PartitionsCreated} registered, {result.PartitionsAlreadyPresent} already present"
                + (result.PartitionsUpdated > 0 ? $", {result.PartitionsUpdated} brought to the updated table's definition." : "."));
        if (result.ChangedNothing) terminal.Note($"No change: {name} already matches the source.");
    }
}
