using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>render ID --dialect athena|duckdb</c>: the SQL a query becomes, without running it.</summary>
public static class RenderCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock)
    {
        var options = new QueryOptions();
        var id = QueryOptions.QueryId();
        var dialect = new Option<SqlDialect>("--dialect")
        {
            Description = "SQL dialect: athena (Trino) or duckdb.",
            DefaultValueFactory = _ => SqlDialect.Athena,
            CustomParser = ParseDialect,
        };
        var table = new Option<string?>("--table")
        {
            Description = "Table the SQL reads: database.table for Athena (default flowlogs.vpc_flow_logs), the view for DuckDB (default flow_logs).",
        };
        var format = SourceOptions.FormatOption();
        var flowLogId = SourceOptions.FlowLogIdOption();
        var partitioning = new Option<Partitioning>("--partitioning") { Description = "daily or hourly partitions.", DefaultValueFactory = _ => Partitioning.Daily };
        var layout = new Option<PrefixStyle>("--layout") { Description = "default or hive S3 prefixes (shapes Athena's partition values).", DefaultValueFactory = _ => PrefixStyle.Default };
        var from = new Option<string?>("--from") { Description = "Window start (date or ISO timestamp, UTC). Default: yesterday." };
        var to = new Option<string?>("--to") { Description = "Window end, exclusive. Default: the day after --from." };
        var noRanges = new Option<bool>("--without-ip-ranges")
        {
            Description = "Render as a run without AWS's address ranges would (by default the SQL joins the ranges table: aws_ip_ranges beside the table).",
        };
        var noInventory = new Option<bool>("--without-inventory")
        {
            Description = "Render as a run without the interface inventory would (by default the SQL joins interface_inventory beside the table).",
        };
        var command = new Command("render", "Print the SQL a query renders to for a dialect, with every parameter validated.")
        {
            id, dialect, table, format, flowLogId, layout, partitioning, from, to, noRanges, noInventory, options.Params, options.Queries,
        };
        command.SetAction(parse =>
        {
            var query = options.LoadCatalog(parse).Get(parse.GetRequiredValue(id));
            var chosen = parse.GetValue(dialect);
            var window = DefaultWindow(parse.GetValue(from), parse.GetValue(to), clock);
            var tableName = parse.GetValue(table) ?? (chosen == SqlDialect.Athena ? "flowlogs.vpc_flow_logs" : "flow_logs");
            // The ranges table as each engine names it: beside the flow log table on Athena, the local engine's own table.
            string Beside(string name) => chosen == SqlDialect.Athena && tableName.Contains('.', StringComparison.Ordinal)
                ? tableName[..tableName.LastIndexOf('.')] + "." + name
                : name;
            var rendered = QueryRenderer.Render(query, new RenderRequest
            {
                Dialect = chosen,
                TableReference = QuoteTable(tableName, chosen),
                References = new()
                {
                    AwsIpRanges = parse.GetValue(noRanges) ? null : QuoteTable(Beside("aws_ip_ranges"), chosen),
                    Interfaces = parse.GetValue(noInventory) ? null : QuoteTable(Beside("interface_inventory"), chosen),
                },
                Window = window,
                Format = FlowLogFormat.Parse(parse.GetValue(format)),
                Partitioning = parse.GetValue(partitioning),
                Prefix = parse.GetValue(layout),
                FlowLogId = FlowLogIds.Parse(parse.GetValue(flowLogId), "--flow-log-id"),
                Parameters = options.GetParameters(parse),
            });
            terminal.Output.WriteLine(rendered.Sql);
            if (rendered.ExecutionParameters is { Count: > 0 } bound)
                terminal.Output.WriteLine($"-- execution parameters, in ? order: {string.Join(", ", bound)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static SqlDialect ParseDialect(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "athena" or "trino": return SqlDialect.Athena;
            case "duckdb": return SqlDialect.DuckDb;
            default:
                result.AddError($"--dialect '{text}' is not athena (also trino) or duckdb.");
                return SqlDialect.Athena;
        }
    }

    private static string QuoteTable(string table, SqlDialect dialect)
    {
        var helpers = Core.Queries.Dialects.SqlDialectHelpers.For(dialect);
        return string.Join('.', table.Split('.').Select(helpers.QuoteIdentifier));
    }

    private static TimeWindow DefaultWindow(string? from, string? to, TimeProvider clock)
    {
        var start = from is null
            ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : TimeWindow.ParseInstant(from, "--from");
        var end = to is null ? start.AddDays(1) : TimeWindow.ParseInstant(to, "--to");
        return new TimeWindow(start, end);
    }
}
