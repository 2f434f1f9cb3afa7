using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Formats;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>format check</c>: parses a LogFormat string and shows the table columns it gives.</summary>
public static class FormatCommand
{
    public static Command Create(Terminal terminal)
    {
        var format = SourceOptions.FormatOption();
        var check = new Command("check", "Parse a flow log format string and print the resulting columns with their Athena and DuckDB types.") { format };
        check.SetAction(parse =>
        {
            var parsed = FlowLogFormat.Parse(parse.GetValue(format));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Field", "Column", "Athena", "DuckDB", "Ver");
            for (var i = 0; i < parsed.Fields.Count; i++)
            {
                var f = parsed.Fields[i];
                table.AddRow((i + 1).ToString(), Markup.Escape(f.Name), Markup.Escape(f.ColumnName), f.AthenaType, f.DuckDbType, f.Version.ToString());
            }
            terminal.Out.Write(table);
            terminal.Note($"{parsed.Fields.Count} fields; records of this format carry version [bold]{parsed.RecordVersion}[/].");
            return ExitCodes.Success;
        });
        return new Command("format", "Work with flow log format strings.") { check };
    }
}
