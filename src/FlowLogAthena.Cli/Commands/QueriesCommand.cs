using System.CommandLine;
using FlowLogAthena.Cli.Console;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>queries list</c> and <c>queries show ID</c>: what the packs hold.</summary>
public static class QueriesCommand
{
    public static Command Create(Terminal terminal)
    {
        var options = new QueryOptions();
        var list = new Command("list", "List the query packs and their queries.") { options.Queries };
        list.SetAction(parse =>
        {
            var catalog = options.LoadCatalog(parse);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Pack", "Id", "Title", "Needs fields");
            foreach (var query in catalog.All.OrderBy(q => q.Pack, StringComparer.Ordinal).ThenBy(q => q.Id, StringComparer.Ordinal))
                table.AddRow(Markup.Escape(query.Pack), Markup.Escape(query.Id), Markup.Escape(query.Title), Markup.Escape(string.Join(", ", query.RequiresFields)));
            terminal.Out.Write(table);
            return ExitCodes.Success;
        });

        var id = QueryOptions.QueryId();
        var show = new Command("show", "Show one query: description, parameters with types and defaults, required fields, output columns and template (with its partials written out).") { id, options.Queries };
        show.SetAction(parse =>
        {
            var query = options.LoadCatalog(parse).Get(parse.GetRequiredValue(id));
            var o = terminal.Out;
            o.MarkupLine($"[bold]{Markup.Escape(query.QualifiedId)}[/]: {Markup.Escape(query.Title)}");
            if (query.Control is not null) o.MarkupLine($"[bold]Control[/] (passes when the query finds no evidence): {Markup.Escape(query.Control)}");
            o.WriteLine(query.Description);
            o.WriteLine();
            var parameters = new Table().Border(TableBorder.Rounded).AddColumns("Parameter", "Type", "Default", "Expected", "Description");
            foreach (var p in query.Parameters)
                parameters.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Type.ToString().ToLowerInvariant()),
                    Markup.Escape(p.Default?.Canonical ?? (p.Required ? "(required)" : "")), Markup.Escape(p.Expected), Markup.Escape(p.Description));
            o.Write(parameters);
            o.MarkupLine($"Needs fields: {Markup.Escape(string.Join(", ", query.RequiresFields))}");
            if (query.OptionalFields.Count > 0)
                o.MarkupLine($"Uses when present: {Markup.Escape(string.Join(", ", query.OptionalFields))}");
            o.MarkupLine($"Output: {Markup.Escape(string.Join(", ", query.Output.Select(c => c.Name)))}");
            o.MarkupLine($"File: {Markup.Escape(query.SourcePath)}");
            o.WriteLine();
            // With the partials it includes written out, so the template shown is all the query runs.
            o.WriteLine(query.ExpandedBody);
            return ExitCodes.Success;
        });

        return new Command("queries", "Browse the query packs.") { list, show };
    }
}
