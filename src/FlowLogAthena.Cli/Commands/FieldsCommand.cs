using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Formats;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>fields</c>: the catalog of every flow log field, VPC (v2–v11) and Transit Gateway.</summary>
public static class FieldsCommand
{
    public static Command Create(Terminal terminal)
    {
        var version = new Option<int?>("--version") { Description = "Only fields introduced in this format version." };
        var kind = new Option<string?>("--kind")
        {
            Description = "Only the fields of one kind of flow log, in AWS's order: vpc or transit-gateway. Default: every field, VPC's first.",
        };
        kind.AcceptOnlyFromAmong([.. FlowLogKindNames.All]);
        var markdown = new Option<bool>("--markdown") { Description = "Print the whole field reference as Markdown (docs/FIELDS.md), both kinds, instead of the table." };
        var command = new Command("fields",
            "List every flow log field AWS documents, VPC (v2–v11) and Transit Gateway, with its Athena and DuckDB types and the kinds of flow log that have it.")
        {
            version, kind, markdown,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                terminal.Output.Write(FieldReference.Markdown());
                return ExitCodes.Success;
            }
            var only = parse.GetValue(version);
            // Every field when no kind is named; a shared field then says its VPC meaning, and "Logs" tells the kinds apart.
            var (fields, meaningOf) = FlowLogKindNames.TryParse(parse.GetValue(kind), out var chosen)
                ? (FieldCatalog.Of(chosen), chosen)
                : (FieldCatalog.All, FlowLogKind.Vpc);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Field", "Ver", "Column", "Athena", "DuckDB", "Parquet", "Logs", "Meaning");
            foreach (var field in fields.Where(f => only is null || f.Version == only))
            {
                var meaning = field.MeaningIn(meaningOf) + (field.CodedValues.Count > 0
                    ? " " + string.Join(", ", field.CodedValues.Select(kv => $"{kv.Key}={kv.Value}"))
                    : "") + (field.Confirmed ? "" : " (unconfirmed: third-party sources only)");
                table.AddRow(Markup.Escape(field.Name), field.Version.ToString(), Markup.Escape(field.ColumnName),
                    field.AthenaType, field.DuckDbType, field.ParquetType, FieldReference.Kinds(field), Markup.Escape(meaning));
            }
            terminal.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
