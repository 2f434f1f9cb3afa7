using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Names;
using FlowLogAthena.Core.Sinks;
using Spectre.Console;

namespace FlowLogAthena.Cli.Console;

/// <summary>Draws result rows as a table (numbers right-aligned, NULL shown dimmed, a name beside an id dimmed when <paramref name="names"/> knows one).</summary>
public sealed class ConsoleTableSink(IAnsiConsole console, string? title = null, ResourceNames? names = null) : IResultSink
{
    public async Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null) table.Title(Markup.Escape(title));
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Name));
            if (IsNumeric(column.ClrType)) tableColumn.RightAligned();
            table.AddColumn(tableColumn);
        }
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            table.AddRow(row.Select((v, i) => v is null ? new Markup("[dim]NULL[/]") : new Markup(Markup.Escape(ValueText.Format(v)) + Named(columns[i].Name, v))));
            count++;
        }
        console.Write(table);
        return count;
    }

    private string Named(string column, object value) =>
        names?.NameOf(column, value) is { } name ? $" [dim]({Markup.Escape(name)})[/]" : "";

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal)
        || type == typeof(short) || type == typeof(System.Numerics.BigInteger) || type == typeof(float);
}
