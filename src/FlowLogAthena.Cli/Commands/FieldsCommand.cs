using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Formats;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>fields</c>: the catalog of every flow log field, v2–v11.</summary>
public static class FieldsCommand
{
    public static Command Create(Terminal terminal)
    {
        var version = new Option<int?>("--version") { Description = "Only fields introduced in this format version." };
        var command = new Command("fields", "List every VPC flow log field AWS documents (v2–v11) with its Athena and DuckDB types.") { version };
        command.SetAction(parse =>
        {
            var only = parse.GetValue(version);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Field", "Ver", "Column", "Athena", "DuckDB", "Parquet", "Meaning");
            foreach (var field in FieldCatalog.All.Where(f => only is null || f.Version == only))
            {
                var meaning = field.Meaning + (field.CodedValues.Count > 0
                    ? " " + string.Join(", ", field.CodedValues.Select(kv => $"{kv.Key}={kv.Value}"))
                    : "") + (field.Confirmed ? "" : " (unconfirmed: third-party sources only)");
                table.AddRow(Markup.Escape(field.Name), field.Version.ToString(), Markup.Escape(field.ColumnName),
                    field.AthenaType, field.DuckDbType, field.ParquetType, Markup.Escape(meaning));
            }
            terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
